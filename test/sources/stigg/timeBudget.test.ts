import { describe, expect, it } from "vitest";
import { StiggGraphqlClient, type StiggClientOptions } from "@/server/sources/stigg/graphqlClient";
import { findCustomerByBillingId } from "@/server/sources/stigg/queries";
import { SourceNoAnswerError, SourceRateLimitedError } from "@/server/sources/types";
import { closedPortUrl } from "../../oauth/fixedResponder";
import { useStiggBehindEdge } from "./behindEdge";
import { FULL, STIGG_KEY } from "./fixture";

const at = useStiggBehindEdge();

const BUDGET = 300;
/** Far above the budget, so a loaded machine never fails these; only a read that ignores the budget would. */
const CEILING = 5_000;

const client = (options: Partial<StiggClientOptions> = {}) =>
  new StiggGraphqlClient({ apiUrl: at.edge.url, apiKey: STIGG_KEY, budgetMs: BUDGET, ...options });

const lookUp = (c: StiggGraphqlClient) => c.request(findCustomerByBillingId, { billingId: FULL.stripe });

/** The read's outcome, how long it took, and how many requests the edge received for it. */
async function timed<T>(read: () => Promise<T>) {
  const sent = at.edge.received();
  const started = performance.now();
  const outcome = await read().then(
    (value) => ({ value, error: undefined }),
    (error: unknown) => ({ value: undefined, error }),
  );
  return { ...outcome, ms: performance.now() - started, sent: at.edge.received() - sent };
}

function expectTimedOut(error: unknown) {
  expect(error).toBeInstanceOf(SourceNoAnswerError);
  expect((error as SourceNoAnswerError).timedOut).toBe(true);
}

describe(`a read with a ${BUDGET} ms budget`, () => {
  it("against a Stigg that hangs: did not answer in time, and no second attempt", async () => {
    at.edge.planNext({ hang: true }, { hang: true });
    const r = await timed(() => lookUp(client()));
    expectTimedOut(r.error);
    expect((r.error as Error).message).toMatch(/^Stigg FindCustomerByBillingId: no answer within \d+ ms$/);
    expect(r.sent).toBe(1);
    expect(r.ms).toBeLessThan(CEILING);
  });

  it("against a Stigg that trickles its body: cut off at the budget like a hung answer, no second attempt", async () => {
    at.edge.planNext({ trickleMs: 50 }, { trickleMs: 50 });
    const r = await timed(() => lookUp(client()));
    expectTimedOut(r.error);
    expect(r.sent).toBe(1);
    expect(r.ms).toBeLessThan(CEILING);
  });

  it("against a Stigg that answers just inside the budget: the answer", async () => {
    // A larger budget here: "just inside" must stay inside on a loaded machine too.
    at.edge.planNext({ delayMs: 1_000 });
    const r = await timed(() => lookUp(client({ budgetMs: 2_500 })));
    expect(r.error).toBeUndefined();
    expect(r.value?.customers.edges).toHaveLength(1);
    expect(r.sent).toBe(1);
  });

  it("a deadline already passed (the request's budget went elsewhere): fails at once, asking nothing", async () => {
    const r = await timed(() => lookUp(client({ deadline: Date.now() - 1 })));
    expectTimedOut(r.error);
    expect((r.error as Error).message).toMatch(/time budget was used up/);
    expect(r.sent).toBe(0);
  });

  it("a Retry-After that does not fit in what is left of the budget is not waited for", async () => {
    at.edge.rateLimitNext("1");
    const r = await timed(() => lookUp(client()));
    expect(r.error).toBeInstanceOf(SourceRateLimitedError);
    expect(r.sent).toBe(1);
    expect(r.ms).toBeLessThan(CEILING);
  });

  it("an unreachable Stigg (connection refused) is tried twice, then did not answer, not timed out", async () => {
    const apiUrl = `${await closedPortUrl()}/graphql`;
    const r = await timed(() => lookUp(client({ apiUrl })));
    expect(r.error).toBeInstanceOf(SourceNoAnswerError);
    expect((r.error as SourceNoAnswerError).timedOut).toBe(false);
    expect((r.error as Error).message).toBe("Stigg FindCustomerByBillingId: Stigg could not be reached");
    expect(r.ms).toBeLessThan(CEILING);
  });
});
