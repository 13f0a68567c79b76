import { useEffect, useState } from "react";
import type { FaultKind } from "@/server/sources/faults";

// One switch per kind of fault the host can inject (typed against the host's list, so a
// new kind cannot be forgotten here): the whole source, to show "App Failed to Load", or
// one independent read, to show a partial result with its notice.
const SWITCHES: Record<FaultKind, { label: string; testId: string }> = {
  all: { label: "Make the data source fail", testId: "fault-switch" },
  features: { label: "Only features fail", testId: "fault-switch-features" },
  credits: { label: "Only credits fail", testId: "fault-switch-credits" },
  subscriptions: { label: "Only subscriptions fail", testId: "fault-switch-subscriptions" },
};

interface FaultState {
  linked: boolean;
  faults: FaultKind[];
}

/** Makes reads of the host's data source fail for the account's workspace, to show the error states. */
export function FaultSwitch({ account }: { account: string }) {
  const [state, setState] = useState<FaultState | null>(null);
  useEffect(() => {
    let live = true;
    fetch(`/api/preview/fault?${new URLSearchParams({ account })}`)
      .then((r) => r.json())
      .then((s: FaultState) => live && setState(s))
      .catch(() => live && setState(null));
    return () => {
      live = false;
    };
  }, [account]);
  const toggle = async (kind: FaultKind, on: boolean) => {
    // Shown at once; the host's answer then says what really holds.
    setState((s) => s && { ...s, faults: on ? [...s.faults, kind] : s.faults.filter((k) => k !== kind) });
    const res = await fetch("/api/preview/fault", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ account, kind, on }),
    });
    setState(await res.json());
  };
  const title = state && !state.linked ? "This account has no linked workspace to break" : undefined;
  return (
    <div className="harness-switches" role="group" aria-label="Data source faults" title={title}>
      {(Object.entries(SWITCHES) as [FaultKind, (typeof SWITCHES)[FaultKind]][]).map(([kind, { label, testId }]) => (
        <label key={kind} className="harness-switch">
          <input
            type="checkbox"
            data-testid={testId}
            checked={state?.faults.includes(kind) ?? false}
            disabled={!state?.linked}
            onChange={(e) => void toggle(kind, e.target.checked)}
          />
          {label}
        </label>
      ))}
    </div>
  );
}
