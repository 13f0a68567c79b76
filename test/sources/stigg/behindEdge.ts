import { afterAll, afterEach, beforeAll } from "vitest";
import { startStiggEdge, type StiggEdge } from "../../standins/stiggEdge";
import { startStiggStandIn, type StiggStandIn } from "../../standins/stigg";
import { fixture, STIGG_KEY } from "./fixture";

/**
 * The fixture's Stigg stand-in behind an edge (test/standins/stiggEdge.ts) for this test
 * file; what a test planned at the edge and did not use is dropped after it.
 */
export function useStiggBehindEdge(): { readonly stigg: StiggStandIn; readonly edge: StiggEdge } {
  let stigg: StiggStandIn | undefined;
  let edge: StiggEdge | undefined;
  beforeAll(async () => {
    stigg = await startStiggStandIn([STIGG_KEY], fixture);
    edge = await startStiggEdge(stigg.url);
  });
  afterEach(() => edge?.clearRateLimits());
  afterAll(async () => {
    await edge?.close();
    await stigg?.close();
  });
  return {
    get stigg() {
      return stigg!;
    },
    get edge() {
      return edge!;
    },
  };
}
