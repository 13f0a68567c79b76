import { afterEach, describe, expect, it, vi } from "vitest";
import { CORRELATION_HEADER, PROCEDURE_BUDGET_MS } from "@/contract";
import { jsonOnlyFetch, NoAnswer, NotAnApiResponse, REQUEST_TIMEOUT_MS } from "../../src/api/jsonOnlyFetch";

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** A fetch that records what it was sent and answers with `answer` (or never, until aborted). */
function stubFetch(answer?: (sent: Request) => Response) {
  const sent: Request[] = [];
  vi.stubGlobal("fetch", (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    sent.push(request);
    if (answer) return Promise.resolve(answer(request));
    return new Promise<Response>((_, reject) => init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))));
  });
  return sent;
}

const json = (correlationId: string | null) =>
  new Response("[]", { headers: { "content-type": "application/json", ...(correlationId ? { [CORRELATION_HEADER]: correlationId } : {}) } });

describe("the extension's fetch", () => {
  it("gives up 2 s after the host's time budget, which it takes from the contract", () => {
    expect(REQUEST_TIMEOUT_MS).toBe(PROCEDURE_BUDGET_MS + 2_000);
  });

  it("sends a correlation id of its own with every request, one the host accepts, new each time", async () => {
    const sent = stubFetch((r) => json(r.headers.get(CORRELATION_HEADER)));
    await jsonOnlyFetch("http://host.test/api/trpc/getCustomer", { headers: { "Stripe-Account-Id": "acct_1" } });
    await jsonOnlyFetch("http://host.test/api/trpc/getCustomer");
    const ids = sent.map((r) => r.headers.get(CORRELATION_HEADER));
    // The host's rule for a client's id (src/server/log/correlation.ts).
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9._-]{8,64}$/);
    expect(ids[0]).not.toBe(ids[1]);
    expect(sent[0]!.headers.get("Stripe-Account-Id")).toBe("acct_1");
  });

  it("a host that does not answer in time: NoAnswer, with the id the request was sent with", async () => {
    vi.useFakeTimers();
    const sent = stubFetch();
    const outcome = jsonOnlyFetch("http://host.test/api/trpc/getCustomer").catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS - 1);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await outcome;
    expect(error).toBeInstanceOf(NoAnswer);
    expect((error as NoAnswer).correlationId).toBe(sent[0]!.headers.get(CORRELATION_HEADER));
  });

  it("an answer that is not JSON keeps the host's id, else the request's own", async () => {
    stubFetch(() => new Response("<html>", { status: 502 }));
    const error = await jsonOnlyFetch("http://host.test/api/trpc/getCustomer").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotAnApiResponse);
    expect((error as NotAnApiResponse).correlationId).toMatch(/^[0-9a-f]{32}$/);
  });
});
