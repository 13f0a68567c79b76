import { sandboxDocument } from "@/harness/server/documents";
import { sandboxOnly } from "@/harness/server/sandboxOnly";

export const dynamic = "force-dynamic";

/** The document of the extension's sandboxed frame (sandbox mode only). */
export const GET = sandboxOnly(sandboxDocument);
