import { z } from "zod";

/** The smallest read that needs a valid server key: one page of zero-or-one customers. */
export const KEY_CHECK_QUERY = "query StiggKeyCheck { customers(paging: { first: 1 }) { totalCount } }";

const answer = z.object({
  data: z.object({ customers: z.object({ totalCount: z.number() }) }).nullish(),
  errors: z.array(z.object({ message: z.string(), extensions: z.object({ code: z.string() }).partial().nullish() })).optional(),
});

export type StiggKeyFailure = "rejected" | "unreachable" | "unexpected_response";

export class StiggKeyError extends Error {
  constructor(readonly reason: StiggKeyFailure) {
    super(`Stigg API key check failed: ${reason}`);
    this.name = "StiggKeyError";
  }
}

/** Proves a Stigg server key works against the configured GraphQL API before it is stored. */
export async function checkStiggKey(apiUrl: string, apiKey: string, timeoutMs = 10_000): Promise<void> {
  let res: Response;
  try {
    res = await fetch(apiUrl, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", "x-api-key": apiKey },
      body: JSON.stringify({ query: KEY_CHECK_QUERY }),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "error",
    });
  } catch {
    throw new StiggKeyError("unreachable");
  }
  if (res.status === 401 || res.status === 403) throw new StiggKeyError("rejected");
  const parsed = answer.safeParse(await res.json().catch(() => undefined));
  if (!parsed.success) throw new StiggKeyError(res.ok ? "unexpected_response" : "unreachable");
  const { data, errors } = parsed.data;
  if (errors?.some((e) => /UNAUTHENTICATED|FORBIDDEN|UNAUTHORIZED/i.test(e.extensions?.code ?? ""))) {
    throw new StiggKeyError("rejected");
  }
  if (!data || errors?.length) throw new StiggKeyError("unexpected_response");
}
