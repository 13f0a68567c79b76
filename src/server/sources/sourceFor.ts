import type { Db } from "../db/client";
import type { Workspace } from "@/generated/prisma/client";
import { SandboxSource } from "./sandbox/sandboxSource";
import type { EntitlementSource } from "./types";

/** The data source behind a linked workspace. */
export function sourceFor(workspace: Workspace, db: Db): EntitlementSource {
  switch (workspace.sourceKind) {
    case "sandbox":
      return new SandboxSource(db, workspace);
    case "stigg":
      throw new Error("Stigg workspaces are not supported yet");
  }
}
