import { sandboxDocument } from "@/harness/server/documents";
import { sandboxOnly } from "@/harness/server/sandboxOnly";
import { getConfig } from "@/server/config";

export const dynamic = "force-dynamic";

/** The document of the extension's frame (sandbox mode only). */
export const GET = sandboxOnly(() => sandboxDocument(getConfig().publicUrl));
