import { previewPage } from "@/harness/server/documents";
import { sandboxOnly } from "@/harness/server/sandboxOnly";

export const dynamic = "force-dynamic";

/** The preview harness page (sandbox mode only). */
export const GET = sandboxOnly(previewPage);
