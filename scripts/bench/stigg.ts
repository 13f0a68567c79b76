// The Stigg source against the loopback stand-in behind a 50 ms proxy: the process's first
// Stigg paint (its code paths and connections cold too), a cold first paint (nothing cached
// for the workspace, the process warm), warm ones, and 32 cold first paints at once, with
// the number of calls that reached "Stigg" for each.
import { FULL } from "../../test/sources/stigg/fixture";
import { firstPaintPath, getBatch, percentile, signedHeaders } from "./requests";
import { STIGG_ACCOUNTS } from "./prepare";

export interface StiggFigures {
  firstMs: number;
  coldMs: number;
  coldCalls: number;
  warmP50Ms: number;
  warmCalls: number;
  burstP50Ms: number;
  burstMaxMs: number;
  burstCalls: number;
}

export async function benchStigg(baseUrl: string, forwarded: () => number, warmRuns: number): Promise<StiggFigures> {
  const [firstAccount, coldAccount, burstAccount] = STIGG_ACCOUNTS;
  const url = baseUrl + firstPaintPath(FULL.stripe);

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
