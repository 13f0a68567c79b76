import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_WORKSPACE_ID } from "../../prisma/seed/demoData";
import { accountOfState, consumeState, createState, hashState, inspectState, STATE_TTL_MS, StateError } from "@/server/oauth/state";
import { storeKinds, type TestStore } from "./testStore";

async function rejection(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (err) {
    if (err instanceof StateError) return err.reason;
    throw err;
  }
  return undefined;
}

describe.each(storeKinds)("OAuth state on $name", (kind) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await kind.open();
  });
  afterAll(() => store?.close());

  const binding = { workspaceId: SANDBOX_WORKSPACE_ID, livemode: false, stripeAccountId: "acct_DemoUnlinked" };

  it("is random, stored only as its sha256, and expires ten minutes after creation", async () => {
    const now = new Date();
    const a = await createState(store.db, binding, now);
    const b = await createState(store.db, binding, now);
    expect(a).not.toBe(b);
    expect(Buffer.from(a, "base64url")).toHaveLength(32);
    const row = await store.db.oAuthState.findUniqueOrThrow({ where: { stateHash: hashState(a) } });
    expect(row.stateHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await store.db.oAuthState.findMany())).not.toContain(a);
    expect(row.expiresAt.getTime() - now.getTime()).toBe(STATE_TTL_MS);
    expect(row.consumedAt).toBeNull();
  });

  it("tells the stand-in which account a usable state was started for, without using it", async () => {
    const now = new Date();
    const state = await createState(store.db, { ...binding, stripeAccountId: "acct_E2eFromGate" }, now);
    expect(await accountOfState(store.db, state, now)).toEqual({ stripeAccountId: "acct_E2eFromGate", sandbox: false });
    const inSandbox = await createState(store.db, { ...binding, sandbox: true }, now);
    expect(await accountOfState(store.db, inSandbox, now)).toEqual({ stripeAccountId: binding.stripeAccountId, sandbox: true });
    expect(await inspectState(store.db, state, now)).toBeUndefined();
    // Expired, used, unknown, or started without an account: nothing to pre-fill.
    expect(await accountOfState(store.db, state, new Date(now.getTime() + STATE_TTL_MS))).toBeUndefined();
    const anonymous = await createState(store.db, { workspaceId: SANDBOX_WORKSPACE_ID, livemode: false }, now);
    expect(await accountOfState(store.db, anonymous, now)).toEqual({ stripeAccountId: undefined, sandbox: false });
    await consumeState(store.db, state, now);
    expect(await accountOfState(store.db, state, now)).toBeUndefined();
    expect(await accountOfState(store.db, "no-such-state", now)).toBeUndefined();
  });

  it("returns the workspace, mode and account it was bound to, once", async () => {
    const live = await createState(store.db, { workspaceId: SANDBOX_WORKSPACE_ID, livemode: true });
    expect(await consumeState(store.db, live)).toEqual({ workspaceId: SANDBOX_WORKSPACE_ID, livemode: true, sandbox: false });
    const test = await createState(store.db, binding);
    expect(await consumeState(store.db, test)).toEqual({ ...binding, sandbox: false });
    const sandbox = await createState(store.db, { ...binding, sandbox: true });
    expect(await consumeState(store.db, sandbox)).toEqual({ ...binding, sandbox: true });
    expect(await rejection(consumeState(store.db, test))).toBe("reused");
  });

  it("can be inspected without being used", async () => {
    const now = new Date();
    const state = await createState(store.db, binding, now);
    expect(await inspectState(store.db, state, now)).toBeUndefined();
    expect(await inspectState(store.db, state, new Date(now.getTime() + STATE_TTL_MS))).toBe("expired");
    expect(await inspectState(store.db, "never-issued-state-value")).toBe("unknown");
    await consumeState(store.db, state, now);
    expect(await inspectState(store.db, state, now)).toBe("reused");
  });

  it("rejects an unknown state", async () => {
    expect(await rejection(consumeState(store.db, "not-a-state-this-host-issued"))).toBe("unknown");
  });

  it("rejects a state after ten minutes and leaves it unconsumed", async () => {
    const created = new Date();
    const state = await createState(store.db, binding, created);
    const late = new Date(created.getTime() + STATE_TTL_MS + 1);
    expect(await rejection(consumeState(store.db, state, late))).toBe("expired");
    const row = await store.db.oAuthState.findUniqueOrThrow({ where: { stateHash: hashState(state) } });
    expect(row.consumedAt).toBeNull();
    const justInTime = new Date(created.getTime() + STATE_TTL_MS - 1);
    expect(await consumeState(store.db, state, justInTime)).toEqual({ ...binding, sandbox: false });
  });

  it("lets exactly one of two simultaneous callbacks consume a state", async () => {
    const state = await createState(store.db, binding);
    const results = await Promise.allSettled([consumeState(store.db, state), consumeState(store.db, state)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect((rejected as PromiseRejectedResult).reason).toBeInstanceOf(StateError);
  });

  it("cannot be bound to a workspace that does not exist", async () => {
    await expect(createState(store.db, { workspaceId: "ws_missing", livemode: false })).rejects.toThrow();
  });
});
