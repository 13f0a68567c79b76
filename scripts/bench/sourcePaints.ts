// An outside source (Stigg, Stripe Billing) against its loopback stand-in behind a 50 ms
// proxy: the process's first paint from that source (its code paths and connections cold
// too), a cold first paint (nothing cached for the workspace, the process warm), warm ones,
// and 32 cold first paints at once, with the number of calls that reached the source for each.
import { firstPaintPath, getBatch, percentile, signedHeaders } from "./requests";

export interface SourceFigures {
  firstMs: number;
  coldMs: number;
  coldCalls: number;
  warmP50Ms: number;
  warmCalls: number;
  burstP50Ms: number;
  burstMaxMs: number;
  burstCalls: number;
}

/** Three accounts linked to workspaces of the source (caches are per workspace): first, cold, burst. */
export type SourceAccounts = readonly [first: string, cold: string, burst: string];

export async function benchSource(
  baseUrl: string,
  source: { accounts: SourceAccounts; customer: string; forwarded: () => number },
  warmRuns: number,
): Promise<SourceFigures> {
  const [firstAccount, coldAccount, burstAccount] = source.accounts;
  const { forwarded } = source;
  const url = baseUrl + firstPaintPath(source.customer);

  const first = await getBatch(url, signedHeaders(firstAccount));
  let before = forwarded();
  const cold = await getBatch(url, signedHeaders(coldAccount));
  const coldCalls = forwarded() - before;

  before = forwarded();
  const warm: number[] = [];
  for (let i = 0; i < warmRuns; i++) warm.push((await getBatch(url, signedHeaders(coldAccount))).ms);
  const warmCalls = forwarded() - before;

  before = forwarded();
  const headers = signedHeaders(burstAccount);
  const burst = await Promise.all(Array.from({ length: 32 }, () => getBatch(url, headers)));
  const burstCalls = forwarded() - before;

  const burstMs = burst.map((b) => b.ms);
  return {
    firstMs: first.ms,
    coldMs: cold.ms,
    coldCalls,
    warmP50Ms: percentile(warm, 50),
    warmCalls,
    burstP50Ms: percentile(burstMs, 50),
    burstMaxMs: Math.max(...burstMs),
    burstCalls,
  };
}
