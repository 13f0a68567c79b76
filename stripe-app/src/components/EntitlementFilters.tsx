import { Box, Select, TextField } from "@stripe/ui-extension-sdk/ui";
import type { EntitlementKind, Subscription } from "@/contract";
import { subscriptionLabel } from "../format/subscriptionLabel";
import { ENTITLEMENT_KINDS, type EntitlementFilter, isEntitlementKind } from "../model/entitlementFilter";

const KIND_LABEL: Record<EntitlementKind, string> = {
  metered: "Metered",
  boolean: "Boolean",
  numeric: "Numeric",
  credits: "Credits",
};

// Only these subscriptions grant anything (Stigg: active and in trial); a filter on one
// that is not started, payment pending, canceled or expired would always be empty.
const ENTITLING: readonly Subscription["status"][] = ["ACTIVE", "IN_TRIAL"];

/**
 * Search (instant, on every keystroke), type and subscription filters. `searchOnly` is the
 * Subscription drawer ("pre-filtered to the selected subscription with no filter dropdown
 * shown"). Without `subscriptions` (they failed to load) there is no subscription filter.
 */
export function EntitlementFilters({
  filter,
  onChange,
  subscriptions,
  searchOnly = false,
}: {
  filter: EntitlementFilter;
  onChange: (filter: EntitlementFilter) => void;
  subscriptions?: Subscription[];
  searchOnly?: boolean;
}) {
  return (
    <Box css={{ stack: "y", gapY: "small" }}>
      <TextField
        type="search"
        label="Search entitlements"
        hiddenElements={["label"]}
        placeholder="Search by name"
        value={filter.search}
        onChange={(e) => onChange({ ...filter, search: e.target.value })}
      />
      {!searchOnly && (
        // A narrow drawer puts the subscription filter under the type filter rather than cut both.
        <Box css={{ stack: "x", gapX: "small", gapY: "small", wrap: "wrap" }}>
          <Select
            label="Type"
            hiddenElements={["label"]}
            value={filter.kind ?? ""}
            onChange={(e) => onChange({ ...filter, kind: isEntitlementKind(e.target.value) ? e.target.value : null })}
          >
            <option value="">All types</option>
            {ENTITLEMENT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABEL[kind]}
              </option>
            ))}
          </Select>
          {subscriptions && (
            <Select
              label="Subscription"
              hiddenElements={["label"]}
              value={filter.subscriptionId ?? ""}
              onChange={(e) => onChange({ ...filter, subscriptionId: e.target.value || null })}
            >
              <option value="">All subscriptions</option>
              {subscriptions
                .filter((s) => ENTITLING.includes(s.status))
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {subscriptionLabel(s)}
                  </option>
                ))}
            </Select>
          )}
        </Box>
      )}
    </Box>
  );
}
