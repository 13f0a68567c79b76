import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SANDBOX_WORKSPACE_ID } from "../../prisma/seed/demoData";
import { parseConfig, SANDBOX_STRIPE_SANDBOX_SECRET_KEY, SANDBOX_TEST_SECRET_KEY } from "@/server/config";
import { keyringFor } from "@/server/crypto/keyring";
import { open } from "@/server/crypto/seal";
import { completeInstall, type InstallDeps } from "@/server/oauth/completeInstall";
import { refreshTokenContext } from "@/server/oauth/linkAccount";
import { createState, hashState, STATE_TTL_MS } from "@/server/oauth/state";
import { upsertStripeBillingWorkspace } from "@/server/oauth/stripeBillingWorkspace";
import { startStripeStandIn, type RunningStripeStandIn } from "../standins/stripeOAuth";
import { capturedLog } from "./capturedLog";
import { startFixedResponder } from "./fixedResponder";
import { storeKinds, type TestStore } from "./testStore";

const ACCOUNT = "acct_DemoUnlinked";

describe.each(storeKinds)("the OAuth callback on $name", (kind) => {
  let store: TestStore;
  let stripe: RunningStripeStandIn;
  let deps: InstallDeps;
  let logs: ReturnType<typeof capturedLog>;

  beforeAll(async () => {
    [store, stripe] = await Promise.all([kind.open(), startStripeStandIn([SANDBOX_TEST_SECRET_KEY], undefined, [SANDBOX_STRIPE_SANDBOX_SECRET_KEY])]);
  });
  afterAll(async () => {
    await Promise.all([store?.close(), stripe?.close()]);
  });
  beforeEach(() => {
    logs = capturedLog();
    deps = { db: store.db, config: parseConfig({ STRIPE_API_BASE: stripe.apiBase }), log: logs.log };
  });

  const linkCount = () => store.db.stripeAccountLink.count();
  const startedInstall = (livemode = false) =>
    createState(store.db, { workspaceId: SANDBOX_WORKSPACE_ID, livemode, stripeAccountId: ACCOUNT });

  /** Runs a failing callback and checks it stored no link. */
  async function expectNothingStored(run: () => Promise<unknown>) {
    const before = await store.db.stripeAccountLink.findMany({ orderBy: { id: "asc" } });
    const outcome = await run();
    expect(await store.db.stripeAccountLink.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    return outcome;
  }

  it("links the account to the state's workspace, with the refresh token sealed and nothing secret logged", async () => {
    const state = await startedInstall();
    const code = stripe.stripe.issueCode(ACCOUNT, false);
    const outcome = await completeInstall({ code, state }, state, deps);
    expect(outcome).toEqual({
      kind: "linked",
      stripeAccountId: ACCOUNT,
      livemode: false,
      sandbox: false,
      workspaceName: "Demo data",
      reinstalled: false,
    });
    const link = await store.db.stripeAccountLink.findUniqueOrThrow({
      where: { stripeAccountId_livemode: { stripeAccountId: ACCOUNT, livemode: false } },
    });
    expect(link).toMatchObject({ workspaceId: SANDBOX_WORKSPACE_ID, scope: "stripe_apps" });
    const refreshToken = open(link.refreshTokenSealed!, refreshTokenContext(ACCOUNT, false), keyringFor(deps.config));
    expect(refreshToken).toMatch(/^rt_/);
    // Nothing anywhere in the database holds the access token or the refresh token in clear.
    expect(JSON.stringify(await store.db.stripeAccountLink.findMany())).not.toContain(refreshToken);
    for (const secret of [code, state, refreshToken]) expect(logs.text()).not.toContain(secret);
    expect(logs.text()).toContain("oauth.linked");
  });

  it("updates the link on re-install and says so", async () => {
    const before = await linkCount();
    const state = await startedInstall();
    const outcome = await completeInstall({ code: stripe.stripe.issueCode(ACCOUNT, false), state }, state, deps);
    expect(outcome).toMatchObject({ kind: "linked", reinstalled: true });
    expect(await linkCount()).toBe(before);
  });

  it("notes when the user installed on another account than the Gate's", async () => {
    const state = await startedInstall();
    const outcome = await completeInstall({ code: stripe.stripe.issueCode("acct_SomeoneElse", false), state }, state, deps);
    expect(outcome).toMatchObject({ kind: "linked", stripeAccountId: "acct_SomeoneElse", startedFromAccountId: ACCOUNT });
  });

  it("leaves one link when two callbacks for one account run at once", async () => {
    const [s1, s2] = await Promise.all([startedInstall(), startedInstall()]);
    const outcomes = await Promise.all([
      completeInstall({ code: stripe.stripe.issueCode("acct_Concurrent", false), state: s1 }, s1, deps),
      completeInstall({ code: stripe.stripe.issueCode("acct_Concurrent", false), state: s2 }, s2, deps),
    ]);
    expect(outcomes.map((o) => o.kind)).toEqual(["linked", "linked"]);
    expect(await store.db.stripeAccountLink.count({ where: { stripeAccountId: "acct_Concurrent" } })).toBe(1);
  });

  it("shows a denied install and burns its state", async () => {
    const state = await startedInstall();
    const outcome = await expectNothingStored(() =>
      completeInstall({ error: "access_denied", error_description: "The user denied your request", state }, state, deps),
    );
    expect(outcome).toEqual({ kind: "denied" });
    const row = await store.db.oAuthState.findUniqueOrThrow({ where: { stateHash: hashState(state) } });
    expect(row.consumedAt).not.toBeNull();
  });

  it("shows other Stripe errors by their code", async () => {
    const state = await startedInstall();
    const outcome = await expectNothingStored(() => completeInstall({ error: "invalid_scope", state }, state, deps));
    expect(outcome).toEqual({ kind: "stripe_error", error: "invalid_scope" });
  });

  it.each([
    ["no parameters", {}],
    ["a repeated parameter", { code: ["ac_x", "ac_y"], state: "s".repeat(43) }],
    ["a state with foreign characters", { code: "ac_x", state: "<script>" }],
  ])("refuses %s", async (_name, query) => {
    expect(await expectNothingStored(() => completeInstall(query, undefined, deps))).toEqual({ kind: "bad_request" });
  });

  it("refuses a state this host never issued", async () => {
    const forged = "A".repeat(43);
    const outcome = await expectNothingStored(() => completeInstall({ code: stripe.stripe.issueCode(ACCOUNT, false), state: forged }, forged, deps));
    expect(outcome).toEqual({ kind: "state_rejected", reason: "unknown" });
  });

  it("refuses a state used before, without exchanging the new code", async () => {
    const state = await startedInstall();
    await completeInstall({ code: stripe.stripe.issueCode(ACCOUNT, false), state }, state, deps);
    const exchanges = stripe.requests.length;
    const outcome = await expectNothingStored(() => completeInstall({ code: stripe.stripe.issueCode("acct_Replay", false), state }, state, deps));
    expect(outcome).toEqual({ kind: "state_rejected", reason: "reused" });
    expect(stripe.requests.length).toBe(exchanges);
  });

  it("a used install link opened again after its install says the account is connected, not that nothing was", async () => {
    const state = await startedInstall();
    expect(await completeInstall({ code: stripe.stripe.issueCode(ACCOUNT, false), state }, state, deps)).toMatchObject({ kind: "linked" });
    // The success page cleared the state cookie; the same callback URL is opened again.
    const again = await expectNothingStored(() => completeInstall({ code: stripe.stripe.issueCode(ACCOUNT, false), state }, undefined, deps));
    expect(again).toEqual({ kind: "already_linked", stripeAccountId: ACCOUNT, livemode: false, sandbox: false, workspaceName: "Demo data" });
  });

  it("refuses an expired state", async () => {
    const state = await createState(
      store.db,
      { workspaceId: SANDBOX_WORKSPACE_ID, livemode: false },
      new Date(Date.now() - STATE_TTL_MS - 1000),
    );
    const outcome = await expectNothingStored(() => completeInstall({ code: stripe.stripe.issueCode("acct_Expired", false), state }, state, deps));
    expect(outcome).toEqual({ kind: "state_rejected", reason: "expired" });
  });

  it("refuses a callback in a browser that did not start the install, and keeps the state for the one that did", async () => {
    const state = await startedInstall();
    const code = stripe.stripe.issueCode("acct_Csrf", false);
    expect(await expectNothingStored(() => completeInstall({ code, state }, undefined, deps))).toEqual({
      kind: "state_rejected",
      reason: "other_browser",
    });
    expect(await expectNothingStored(() => completeInstall({ code, state }, "B".repeat(43), deps))).toMatchObject({ reason: "other_browser" });
    expect(await completeInstall({ code, state }, state, deps)).toMatchObject({ kind: "linked", stripeAccountId: "acct_Csrf" });
    // Coming back to the same callback URL later, without the (now cleared) cookie.
    expect(await completeInstall({ code, state }, undefined, deps)).toEqual({ kind: "state_rejected", reason: "reused" });
  });

  it("stores nothing when Stripe refuses the code", async () => {
    const state = await startedInstall();
    const outcome = await expectNothingStored(() => completeInstall({ code: "ac_NeverIssued", state }, state, deps));
    expect(outcome).toEqual({ kind: "exchange_failed", reason: "invalid_grant" });
    expect(logs.text()).not.toContain("ac_NeverIssued");
  });

  it("stores nothing when the host's secret key is refused", async () => {
    const state = await startedInstall();
    const config = parseConfig({ STRIPE_API_BASE: stripe.apiBase, STRIPE_TEST_SECRET_KEY: "sk_test_NotTheStandInsKey" });
    const outcome = await expectNothingStored(() =>
      completeInstall({ code: stripe.stripe.issueCode("acct_WrongKey", false), state }, state, { ...deps, config }),
    );
    expect(outcome).toEqual({ kind: "exchange_failed", reason: "unauthorized" });
    expect(logs.text()).not.toContain("sk_test_NotTheStandInsKey");
  });

  it("stores nothing when Stripe's answer is in another mode than the state's", async () => {
    // A well-formed live-mode answer to a test-mode exchange, as a misrouted request would get.
    const misrouted = await startFixedResponder(
      200,
      JSON.stringify({
        access_token: "sk_live_Misrouted",
        refresh_token: "rt_Misrouted",
        livemode: true,
        scope: "stripe_apps",
        stripe_publishable_key: "pk_live_Misrouted",
        stripe_user_id: "acct_Mismatch",
        token_type: "bearer",
      }),
    );
    try {
      const state = await startedInstall(false);
      const config = parseConfig({ STRIPE_API_BASE: misrouted.url });
      const outcome = await expectNothingStored(() => completeInstall({ code: "ac_any", state }, state, { ...deps, config }));
      expect(outcome).toEqual({ kind: "mode_mismatch" });
    } finally {
      await misrouted.close();
    }
  });

  it("links a Stripe Billing install only to the account its restricted key was checked against", async () => {
    const keyOwner = "acct_KeyOwner";
    const workspace = await upsertStripeBillingWorkspace(
      store.db,
      { stripeAccountId: keyOwner, livemode: false, apiUrl: null, apiKey: "rk_test_KeyOwnerKey" },
      keyringFor(deps.config),
    );
    const startedForOwner = () => createState(store.db, { workspaceId: workspace.id, livemode: false, stripeAccountId: keyOwner });

    const elsewhere = await startedForOwner();
    const refused = await expectNothingStored(() =>
      completeInstall({ code: stripe.stripe.issueCode("acct_ApprovedElsewhere", false), state: elsewhere }, elsewhere, deps),
    );
    expect(refused).toEqual({ kind: "key_account_mismatch", keyAccountId: keyOwner, stripeAccountId: "acct_ApprovedElsewhere" });
    expect(await store.db.stripeAccountLink.count({ where: { workspaceId: workspace.id } })).toBe(0);

    const own = await startedForOwner();
    const linked = await completeInstall({ code: stripe.stripe.issueCode(keyOwner, false), state: own }, own, deps);
    expect(linked).toMatchObject({ kind: "linked", stripeAccountId: keyOwner, workspaceName: workspace.displayName });
    expect(linked).not.toHaveProperty("startedFromAccountId");
    const link = await store.db.stripeAccountLink.findUniqueOrThrow({
      where: { stripeAccountId_livemode: { stripeAccountId: keyOwner, livemode: false } },
    });
    expect(link.workspaceId).toBe(workspace.id);
  });

  it("stores nothing for a live-mode install when no live secret key is configured", async () => {
    const state = await startedInstall(true);
    const outcome = await expectNothingStored(() => completeInstall({ code: stripe.stripe.issueCode("acct_Live", true), state }, state, deps));
    expect(outcome).toEqual({ kind: "not_configured", missing: ["STRIPE_SECRET_KEY"] });
  });

  it("links a Stripe sandbox install with the managed sandbox's key, as a sandbox link", async () => {
    const state = await createState(store.db, { workspaceId: SANDBOX_WORKSPACE_ID, livemode: false, sandbox: true, stripeAccountId: "acct_SandboxA" });
    const outcome = await completeInstall({ code: stripe.stripe.issueCode("acct_SandboxA", false, true), state }, state, deps);
    expect(outcome).toMatchObject({ kind: "linked", stripeAccountId: "acct_SandboxA", livemode: false, sandbox: true });
    const link = await store.db.stripeAccountLink.findUniqueOrThrow({
      where: { stripeAccountId_livemode: { stripeAccountId: "acct_SandboxA", livemode: false } },
    });
    expect(link.sandbox).toBe(true);
    expect(stripe.requests.at(-1)?.authorization).toBe(`Bearer ${SANDBOX_STRIPE_SANDBOX_SECRET_KEY}`);
  });

  it("stores nothing when a Stripe sandbox's code comes back on a test-mode state, or the reverse", async () => {
    const testState = await startedInstall(false);
    expect(
      await expectNothingStored(() =>
        completeInstall({ code: stripe.stripe.issueCode("acct_SandboxB", false, true), state: testState }, testState, deps),
      ),
    ).toEqual({ kind: "exchange_failed", reason: "invalid_grant" });
    const sandboxState = await createState(store.db, { workspaceId: SANDBOX_WORKSPACE_ID, livemode: false, sandbox: true });
    expect(
      await expectNothingStored(() =>
        completeInstall({ code: stripe.stripe.issueCode("acct_SandboxB", false), state: sandboxState }, sandboxState, deps),
      ),
    ).toEqual({ kind: "exchange_failed", reason: "invalid_grant" });
  });

  describe("an install started from Stripe's Marketplace (a code, no state of ours)", () => {
    it.each([
      ["test mode", false, "test"],
      ["a Stripe sandbox", true, "sandbox"],
    ] as const)("in %s: says the app is installed on that account and mode, and stores nothing", async (_name, sandbox, mode) => {
      const code = stripe.stripe.issueCode("acct_Marketplace", false, sandbox);
      const outcome = await expectNothingStored(() => completeInstall({ code }, undefined, deps));
      expect(outcome).toEqual({ kind: "installed", stripeAccountId: "acct_Marketplace", mode });
      expect(await store.db.oAuthState.count({ where: { stripeAccountId: "acct_Marketplace" } })).toBe(0);
      for (const secret of [code]) expect(logs.text()).not.toContain(secret);
    });

    it("a bad code or one used before ends on a clear failure, with nothing stored", async () => {
      expect(await expectNothingStored(() => completeInstall({ code: "ac_NeverIssued" }, undefined, deps))).toEqual({
        kind: "exchange_failed",
        reason: "invalid_grant",
      });
      const code = stripe.stripe.issueCode("acct_MarketplaceUsed", false);
      expect(await completeInstall({ code }, undefined, deps)).toMatchObject({ kind: "installed" });
      expect(await expectNothingStored(() => completeInstall({ code }, undefined, deps))).toEqual({
        kind: "exchange_failed",
        reason: "invalid_grant",
      });
    });

    it("keeps the state check for flows this host started: a code with a state not ours is refused", async () => {
      const code = stripe.stripe.issueCode("acct_MarketplaceForged", false);
      const forged = "F".repeat(43);
      expect(await expectNothingStored(() => completeInstall({ code, state: forged }, forged, deps))).toEqual({
        kind: "state_rejected",
        reason: "unknown",
      });
    });
  });
});
