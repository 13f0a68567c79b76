import { useEffect, useState } from "react";

/** Makes the host's data source fail for the account's workspace, to show the error state. */
export function FaultSwitch({ account }: { account: string }) {
  const [state, setState] = useState<{ linked: boolean; on: boolean } | null>(null);
  useEffect(() => {
    let live = true;
    fetch(`/api/preview/fault?${new URLSearchParams({ account })}`)
      .then((r) => r.json())
      .then((s: { linked: boolean; on: boolean }) => live && setState(s))
      .catch(() => live && setState(null));
    return () => {
      live = false;
    };
  }, [account]);
  const toggle = async (on: boolean) => {
    // Shown at once; the host's answer then says what really holds.
    setState((s) => s && { ...s, on });
    const res = await fetch("/api/preview/fault", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ account, on }) });
    setState(await res.json());
  };
  return (
    <label className="harness-switch" title={state && !state.linked ? "This account has no linked workspace to break" : undefined}>
      <input type="checkbox" data-testid="fault-switch" checked={state?.on ?? false} disabled={!state?.linked} onChange={(e) => void toggle(e.target.checked)} />
      Make the data source fail
    </label>
  );
}
