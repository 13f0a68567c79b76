import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StiggGraphqlClient } from "@/server/sources/stigg/graphqlClient";
import { InFlight } from "@/server/sources/stigg/inFlight";
import { StiggSource } from "@/server/sources/stigg/stiggSource";
import { TtlCache } from "@/server/sources/stigg/ttlCache";
import { startStiggEdge, type StiggEdge } from "../../standins/stiggEdge";
import { startStiggStandIn, type StiggStandIn } from "../../standins/stigg";
import { fixture, FULL, STIGG_KEY } from "./fixture";
import { FIRST_PAINT_OPERATIONS, firstPaint, quietLog } from "./firstPaint";

let stigg: StiggStandIn;
let edge: StiggEdge;

beforeAll(async () => {
  stigg = await startStiggStandIn([STIGG_KEY], fixture);
  // Latency, so that the concurrent reads really overlap as they would against Stigg.
  edge = await startStiggEdge(stigg.url, { latencyMs: 30 });
});
afterAll(async () => {
  await edge?.close();
  await stigg?.close();
});

const sourceWith = (cache: TtlCache) =>
  new StiggSource(new StiggGraphqlClient({ apiUrl: edge.url, apiKey: STIGG_KEY }), cache, {
    id: "ws_coalesce",
    stiggAppBaseUrl: "https://app.stigg.test",
  }, quietLog);

const counts = (ops: readonly string[]) => Object.fromEntries(ops.map((op) => [op, stigg.count(op)]));
const since = (before: Record<string, number>) =>
  Object.fromEntries(Object.entries(before).map(([op, n]) => [op, stigg.count(op) - n]));

describe("identical reads in flight", () => {
  it("32 concurrent first paints of one customer: one upstream call per operation", async () => {
    const before = counts(FIRST_PAINT_OPERATIONS);
    // A source per request, one cache per process: as the host builds them.
    const cache = new TtlCache(30_000, 100);
    const paints = await Promise.all(Array.from({ length: 32 }, () => firstPaint(sourceWith(cache), FULL.stripe)));
    expect(since(before)).toEqual(Object.fromEntries(FIRST_PAINT_OPERATIONS.map((op) => [op, 1])));
    for (const p of paints) expect(p).toEqual(paints[0]);
    expect(paints[0]!.entitlements.length).toBeGreaterThan(0);
  });

  it("32 refreshes at once share one read, begun after all of them asked", async () => {
    const cache = new TtlCache(30_000, 100);
    const source = sourceWith(cache);
    const customer = (await source.findCustomer(FULL.stripe))!;
    await source.getFeatureEntitlements(customer, {});
    const before = stigg.count("GetCustomerEntitlements");
    const reads = await Promise.all(
      Array.from({ length: 32 }, () => sourceWith(cache).getFeatureEntitlements(customer, { fresh: true })),
    );
    expect(stigg.count("GetCustomerEntitlements") - before).toBe(1);
    for (const r of reads) expect(r).toEqual(reads[0]);
  });

  it("a refresh does not take the answer of a read that began before it", async () => {
    const cache = new TtlCache(30_000, 100);
    const source = sourceWith(cache);
    const customer = (await source.findCustomer(FULL.stripe))!;
    const before = stigg.count("GetCreditEntitlements");
    const first = source.getCreditEntitlements(customer, {});
    const joined = source.getCreditEntitlements(customer, {});
    const refreshed = source.getCreditEntitlements(customer, { fresh: true });
    const refreshedToo = source.getCreditEntitlements(customer, { fresh: true });
    await Promise.all([first, joined, refreshed, refreshedToo]);
    // The plain reads share one; the refreshes share one started after it.
    expect(stigg.count("GetCreditEntitlements") - before).toBe(2);
  });
});

describe("InFlight", () => {
  it("forgets a read once it has settled, failed or not", async () => {
    const inFlight = new InFlight();
    let reads = 0;
    const failing = () => Promise.reject(new Error(`down ${++reads}`));
    await expect(Promise.all([inFlight.join("k", failing), inFlight.join("k", failing)])).rejects.toThrow("down 1");
    await expect(inFlight.join("k", failing)).rejects.toThrow("down 2");
    expect(await inFlight.join("k", async () => "up")).toBe("up");
  });

  it("a refresh queued behind a failed read still runs", async () => {
    const inFlight = new InFlight();
    const running = inFlight.join("k", () => Promise.reject(new Error("down")));
    const fresh = inFlight.startedAfterNow("k", async () => "fresh");
    await expect(running).rejects.toThrow("down");
    expect(await fresh).toBe("fresh");
  });
});
