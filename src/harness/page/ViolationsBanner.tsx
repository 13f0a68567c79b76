import { useSyncExternalStore } from "react";
import { subscribeViolations, violations } from "../dom/violations";

/** Red, and impossible to miss: the e2e asserts it never appears. */
export function ViolationsBanner() {
  const list = useSyncExternalStore(subscribeViolations, violations);
  if (list.length === 0) return null;
  return (
    <div className="harness-violations" role="alert" data-testid="harness-violations">
      <strong>The extension failed or broke the Stripe UI contract ({list.length}):</strong>
      <ul>
        {list.map((v, i) => (
          <li key={i}>
            <code>{v.component}</code>: {v.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
