import type { Db } from "../db/client";
import type { Workspace } from "@/generated/prisma/client";
import { withInjectedFaults } from "./faults";
import { SandboxSource } from "./sandbox/sandboxSource";
import { stiggSourceFor } from "./stigg/fromWorkspace";
import type { EntitlementSource, SourceLog } from "./types";

/** The data source behind a linked workspace, reporting to this request's log. */
export function sourceFor(workspace: Workspace, db: Db, log: SourceLog): EntitlementSource {
  switch (workspace.sourceKind) {
    case "sandbox":
      return withInjectedFaults(workspace.id, new SandboxSource(db, workspace));
    case "stigg":
      return withInjectedFaults(workspace.id, stiggSourceFor(workspace, log));
  }
}
