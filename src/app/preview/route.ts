import { previewPage } from "@/harness/server/documents";
import { sandboxOnly } from "@/harness/server/sandboxOnly";
import { getConfig } from "@/server/config";

export const dynamic = "force-dynamic";

/** The preview harness page (sandbox mode only). */
export const GET = sandboxOnly((req) => previewPage(req, getConfig().publicUrl));
