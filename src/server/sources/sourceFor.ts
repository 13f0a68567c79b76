import type { SqlReader } from "../db/sql";
import type { Workspace } from "@/generated/prisma/client";
import { withInjectedFaults } from "./faults";
import { SandboxSource } from "./sandbox/sandboxSource";
import { stiggSourceFor } from "./stigg/fromWorkspace";
import { stripeBillingSourceFor } from "./stripe/fromWorkspace";
import type { EntitlementSource, SourceLog } from "./types";

/**
 * The data source behind a linked workspace, reporting to this request's log; a Stigg or
 * Stripe Billing workspace's reads end by the request's `deadline` (epoch ms).
 */
export function sourceFor(workspace: Workspace, db: SqlReader, log: SourceLog, deadline: number): EntitlementSource {
  switch (workspace.sourceKind) {
    case "sandbox":
      return withInjectedFaults(workspace.id, new SandboxSource(db, workspace));
    case "stigg":
      return withInjectedFaults(workspace.id, stiggSourceFor(workspace, log, deadline));
    case "stripe_billing":
      return withInjectedFaults(workspace.id, stripeBillingSourceFor(workspace, log, deadline));
  }
}

/**
 * The source, built on its first read. A source that cannot be built (a Stigg key that no
 * longer opens) then fails only the reads, not the procedures that read no source: the
 * settings view still lists and disconnects that link.
 */
export function deferredSource(make: () => EntitlementSource): EntitlementSource {
  let built: EntitlementSource | undefined;
  const source = () => (built ??= make());
  return {
    findCustomer: async (...args) => source().findCustomer(...args),
    listSubscriptions: async (...args) => source().listSubscriptions(...args),
    findSubscriptionByBillingId: async (...args) => source().findSubscriptionByBillingId(...args),
    getFeatureEntitlements: async (...args) => source().getFeatureEntitlements(...args),
    getCreditEntitlements: async (...args) => source().getCreditEntitlements(...args),
    getUsageSeries: async (...args) => source().getUsageSeries(...args),
  };
}
