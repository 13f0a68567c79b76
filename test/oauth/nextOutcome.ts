import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import { isRedirectError } from "next/dist/client/components/redirect-error";

/** Runs a page or server action and reports what Next would do: redirect to a URL, or 404. */
export async function nextOutcome(run: () => Promise<unknown>): Promise<{ redirect: string } | { notFound: true } | { value: unknown }> {
  try {
    return { value: await run() };
  } catch (err) {
    if (isRedirectError(err)) return { redirect: getURLFromRedirectError(err) };
    if ((err as { digest?: string }).digest === "NEXT_HTTP_ERROR_FALLBACK;404") return { notFound: true };
    throw err;
  }
}
