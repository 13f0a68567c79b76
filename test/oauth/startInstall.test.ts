import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_WORKSPACE_ID } from "../../prisma/seed/demoData";
import { parseConfig, SANDBOX_CLIENT_ID } from "@/server/config";
import { keyringFor } from "@/server/crypto/keyring";
import { open } from "@/server/crypto/seal";
import { connectForm, connectQuery } from "@/server/oauth/connectForm";
import { consumeState, hashState } from "@/server/oauth/state";
import { availableModes, ConnectError, startInstall, stripeApiUrlFor } from "@/server/oauth/startInstall";
import { stiggApiKeyContext } from "@/server/oauth/stiggWorkspace";
import { stripeApiKeyContext } from "@/server/oauth/stripeBillingWorkspace";
import { capturedLog } from "./capturedLog";
import { closedPortUrl } from "./fixedResponder";
import { startStiggStandIn } from "../standins/stigg";
import { startStripeBillingStandIn, type StripeBillingLoopback } from "../standins/stripeBilling";
import { accounts, DEMO_BILLING_ACCOUNT, DEMO_BILLING_KEY, keys, LIVE_KEY, NARROW_KEY, NO_ACCOUNT_KEY, NOW, OTHER_KEY } from "../sources/stripe/fixture";
import { storeKinds, type TestStore } from "./testStore";

const GOOD_KEY = "server-3f9c2a1e-good-key";
const LIVE_ENV = {
  STRIPE_APP_SECRET: "absec_RealAppSecret",
  STRIPE_WEBHOOK_SECRET: "whsec_RealWebhookSecret",
  ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString("base64")}`,
};

async function refusal(p: Promise<unknown>): Promise<string | undefined> {
  return (await refusalOf(p))?.reason;
}

async function refusalOf(p: Promise<unknown>): Promise<ConnectError | undefined> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ConnectError) return err;
    throw err;
  }
  return undefined;
}

describe.each(storeKinds)("starting an install on $name", (kind) => {
  let store: TestStore;
  let stigg: Awaited<ReturnType<typeof startStiggStandIn>>;
  beforeAll(async () => {
    [store, stigg] = await Promise.all([kind.open(), startStiggStandIn([GOOD_KEY])]);
  });
  afterAll(async () => {
    await Promise.all([store?.close(), stigg?.close()]);
  });

  const counts = async () => ({
    states: await store.db.oAuthState.count(),
    workspaces: await store.db.workspace.count(),
  });

  it("sends the sandbox workspace to the stand-in's authorize page with a fresh state bound to it", async () => {
    const { log, text } = capturedLog();
    const config = parseConfig({ PUBLIC_URL: "http://localhost:3000" });
    const form = connectForm.parse({ workspace: "sandbox", mode: "test", account: "acct_DemoUnlinked" });
    const { state, url } = await startInstall(form, { db: store.db, config, log });
    const u = new URL(url);
    expect(`${u.origin}${u.pathname}`).toBe("http://localhost:3000/dev/stripe/oauth/v2/authorize");
    expect(Object.fromEntries(u.searchParams)).toEqual({
      client_id: SANDBOX_CLIENT_ID,
      redirect_uri: "http://localhost:3000/oauth/callback",
      state,
    });
    expect(text()).not.toContain(state);
    expect(await store.db.oAuthState.findUnique({ where: { stateHash: hashState(state) } })).not.toBeNull();
    expect(await consumeState(store.db, state)).toEqual({
      workspaceId: SANDBOX_WORKSPACE_ID,
      livemode: false,
      sandbox: false,
      stripeAccountId: "acct_DemoUnlinked",
    });
  });

  it("uses Stripe's real authorize URL in live mode and binds the chosen Stripe mode", async () => {
    const config = parseConfig({ ...LIVE_ENV, STRIPE_CLIENT_ID: "ca_RealClient", STRIPE_SECRET_KEY: "sk_live_Real", STIGG_API_URL: stigg.url });
    const form = connectForm.parse({ workspace: "stigg", stiggApiKey: GOOD_KEY, mode: "live" });
    const { state, url } = await startInstall(form, { db: store.db, config, log: capturedLog().log });
    expect(url.startsWith("https://marketplace.stripe.com/oauth/v2/authorize?client_id=ca_RealClient&")).toBe(true);
    expect((await consumeState(store.db, state)).livemode).toBe(true);
  });

  it("checks a Stigg key against Stigg, then keeps it sealed in a workspace reused for the same key", async () => {
    const { log, text } = capturedLog();
    const config = parseConfig({ STIGG_API_URL: stigg.url });
    const form = connectForm.parse({ workspace: "stigg", stiggApiKey: ` ${GOOD_KEY} `, mode: "test" });
    const first = await startInstall(form, { db: store.db, config, log });
    const second = await startInstall(form, { db: store.db, config, log });
    expect(stigg.received.at(-1)).toMatchObject({ apiKey: GOOD_KEY, operationName: "StiggKeyCheck" });
    const a = await consumeState(store.db, first.state);
    const b = await consumeState(store.db, second.state);
    expect(a.workspaceId).toMatch(/^ws_stigg_[0-9a-f]{20}$/);
    expect(b.workspaceId).toBe(a.workspaceId);
    const ws = await store.db.workspace.findUniqueOrThrow({ where: { id: a.workspaceId } });
    expect(ws).toMatchObject({ sourceKind: "stigg", stiggApiUrl: stigg.url });
    expect(ws.displayName).toBe(`Stigg environment ${a.workspaceId.slice("ws_stigg_".length, "ws_stigg_".length + 6)} (${new URL(stigg.url).host})`);
    expect(ws.stiggApiKeySealed).not.toContain(GOOD_KEY);
    expect(open(ws.stiggApiKeySealed!, stiggApiKeyContext(ws.id), keyringFor(config))).toBe(GOOD_KEY);
    expect(text()).not.toContain(GOOD_KEY);
  });

  it.each([
    ["a key Stigg refuses", "server-0000-wrong-key", "stigg_key_rejected"],
    ["a key when Stigg is unreachable", GOOD_KEY, "stigg_unreachable"],
  ])("stores nothing for %s", async (name, key, reason) => {
    const apiUrl = name.includes("unreachable") ? await closedPortUrl() : stigg.url;
    const config = parseConfig({ STIGG_API_URL: apiUrl });
    const before = await counts();
    const form = connectForm.parse({ workspace: "stigg", stiggApiKey: key, mode: "test" });
    expect(await refusal(startInstall(form, { db: store.db, config, log: capturedLog().log }))).toBe(reason);
    expect(await counts()).toEqual(before);
  });

  it("offers the sandbox workspace only in sandbox mode", async () => {
    const config = parseConfig({ ...LIVE_ENV, STRIPE_CLIENT_ID: "ca_RealClient", STRIPE_SECRET_KEY: "sk_live_Real" });
    const before = await counts();
    const form = connectForm.parse({ workspace: "sandbox", mode: "live" });
    expect(await refusal(startInstall(form, { db: store.db, config, log: capturedLog().log }))).toBe("sandbox_unavailable");
    expect(await counts()).toEqual(before);
  });

  it("refuses a Stripe mode it has no secret key for, and a missing client id, before storing anything", async () => {
    const before = await counts();
    const sandboxForm = connectForm.parse({ workspace: "sandbox", mode: "live" });
    expect(await refusal(startInstall(sandboxForm, { db: store.db, config: parseConfig({}), log: capturedLog().log }))).toBe(
      "mode_unavailable",
    );
    const noClient = parseConfig({ ...LIVE_ENV, STRIPE_SECRET_KEY: "sk_live_Real", STIGG_API_URL: stigg.url });
    const stiggForm = connectForm.parse({ workspace: "stigg", stiggApiKey: GOOD_KEY, mode: "live" });
    expect(await refusal(startInstall(stiggForm, { db: store.db, config: noClient, log: capturedLog().log }))).toBe("not_configured");
    expect(await counts()).toEqual(before);
  });
});

describe.each(storeKinds)("starting a Stripe Billing install on $name", (kind) => {
  let store: TestStore;
  // Served where a sandbox-mode host whose PUBLIC_URL is its origin reads Stripe: /dev/stripe/v1.
  let stripe: StripeBillingLoopback;
  let publicUrl: string;
  beforeAll(async () => {
    [store, stripe] = await Promise.all([kind.open(), startStripeBillingStandIn(accounts(NOW), keys, { mount: "/dev/stripe" })]);
    publicUrl = new URL(stripe.url).origin;
  });
  afterAll(async () => {
    await Promise.all([store?.close(), stripe?.close()]);
  });

  const counts = async () => ({
    states: await store.db.oAuthState.count(),
    workspaces: await store.db.workspace.count(),
  });
  const form = (stripeApiKey: string, mode = "test", account = DEMO_BILLING_ACCOUNT) =>
    connectForm.parse({ workspace: "stripe_billing", stripeApiKey, mode, account });

  it("checks the key with Stripe at the host's URL, seals it in the account's workspace and binds the state to the account", async () => {
    const { log, text } = capturedLog();
    const config = parseConfig({ PUBLIC_URL: publicUrl });
    const before = stripe.standIn.count("/", DEMO_BILLING_KEY);
    const first = await startInstall(form(` ${DEMO_BILLING_KEY} `), { db: store.db, config, log });
    // The check reads the account and one page of each resource, with the pasted key.
    expect(stripe.standIn.count("/account", DEMO_BILLING_KEY)).toBe(1);
    expect(stripe.standIn.count("/", DEMO_BILLING_KEY) - before).toBe(8);
    const second = await startInstall(form(DEMO_BILLING_KEY, "sandbox"), { db: store.db, config, log });

    const a = await consumeState(store.db, first.state);
    expect(a).toEqual({ workspaceId: `ws_stripe_${DEMO_BILLING_ACCOUNT}_test`, livemode: false, sandbox: false, stripeAccountId: DEMO_BILLING_ACCOUNT });
    // A Stripe sandbox is not live: the same test-mode workspace.
    expect(await consumeState(store.db, second.state)).toEqual({ ...a, sandbox: true });
    const ws = await store.db.workspace.findUniqueOrThrow({ where: { id: a.workspaceId } });
    expect(ws).toMatchObject({
      sourceKind: "stripe_billing",
      displayName: `Stripe Billing of ${DEMO_BILLING_ACCOUNT} (test mode)`,
      stiggAppBaseUrl: "https://dashboard.stripe.com",
      stripeApiUrl: `${publicUrl}/dev/stripe/v1`,
    });
    expect(ws.stripeApiKeySealed).not.toContain(DEMO_BILLING_KEY);
    expect(open(ws.stripeApiKeySealed!, stripeApiKeyContext(ws.id), keyringFor(config))).toBe(DEMO_BILLING_KEY);
    expect(text()).toContain("oauth.connect.started");
    expect(text()).not.toContain(DEMO_BILLING_KEY);
  });

  it.each([
    ["a key that cannot read two of the resources", NARROW_KEY, "test", "stripe_key_missing_permissions", ["Billing meters", "Credit grants"]],
    ["a key that cannot read its account", NO_ACCOUNT_KEY, "test", "stripe_key_cannot_read_account", undefined],
    ["a key of another account", OTHER_KEY, "test", "stripe_key_other_account", undefined],
    ["a key Stripe does not know", "rk_test_RevokedSinceCopied", "test", "stripe_key_rejected", undefined],
    ["a live-mode key for a test-mode install", LIVE_KEY, "test", "stripe_key_wrong_mode", undefined],
    ["a test-mode key for a Stripe sandbox install of another account", OTHER_KEY, "sandbox", "stripe_key_other_account", undefined],
  ])("stores nothing, and never logs the key, for %s", async (_name, key, mode, reason, cannotRead) => {
    const { log, text } = capturedLog();
    const config = parseConfig({ PUBLIC_URL: publicUrl });
    const before = await counts();
    const refused = await refusalOf(startInstall(form(key, mode), { db: store.db, config, log }));
    expect(refused?.reason).toBe(reason);
    expect(refused?.cannotRead).toEqual(cannotRead);
    expect(await counts()).toEqual(before);
    expect(text()).toContain("oauth.connect.stripe_key");
    expect(text()).not.toContain(key);
  });

  it("refuses the key when Stripe cannot be reached, storing nothing", async () => {
    const config = parseConfig({ PUBLIC_URL: await closedPortUrl() });
    const before = await counts();
    expect(await refusal(startInstall(form(DEMO_BILLING_KEY), { db: store.db, config, log: capturedLog().log }))).toBe("stripe_unreachable");
    expect(await counts()).toEqual(before);
  });

  it("refuses the kind where the operator has not enabled it, before the key goes anywhere", async () => {
    const config = parseConfig({ PUBLIC_URL: publicUrl, STRIPE_BILLING_SOURCE: "off" });
    const before = { ...(await counts()), requests: stripe.standIn.received.length };
    expect(await refusal(startInstall(form(DEMO_BILLING_KEY), { db: store.db, config, log: capturedLog().log }))).toBe(
      "stripe_billing_unavailable",
    );
    expect({ ...(await counts()), requests: stripe.standIn.received.length }).toEqual(before);
  });

  it("in live mode reads Stripe's own API, and refuses a test key for a live install before asking it", async () => {
    const config = parseConfig({
      ...LIVE_ENV,
      STRIPE_CLIENT_ID: "ca_RealClient",
      STRIPE_SECRET_KEY: "sk_live_Real",
      STRIPE_BILLING_SOURCE: "on",
      PUBLIC_URL: publicUrl,
    });
    expect(stripeApiUrlFor(config)).toBeNull();
    const before = { ...(await counts()), requests: stripe.standIn.received.length };
    expect(await refusal(startInstall(form(DEMO_BILLING_KEY, "live"), { db: store.db, config, log: capturedLog().log }))).toBe(
      "stripe_key_wrong_mode",
    );
    expect({ ...(await counts()), requests: stripe.standIn.received.length }).toEqual(before);
  });
});

describe("the connect form and modes", () => {
  it.each([
    [{ workspace: "stigg", stiggApiKey: "client-abc12345", mode: "test" }],
    [{ workspace: "sandbox", mode: "staging" }],
    [{ workspace: "sandbox", mode: "test", account: "cus_123" }],
    [{ workspace: "elsewhere", mode: "test" }],
    [{ workspace: "stripe_billing", stripeApiKey: "rk_test_DemoStripeBillingSandboxOnly", mode: "test" }],
    [{ workspace: "stripe_billing", stripeApiKey: "rk_test_DemoStripeBillingSandboxOnly", mode: "test", account: "" }],
    [{ workspace: "stripe_billing", stripeApiKey: "sk_test_SecretKeyPasted", mode: "test", account: "acct_A" }],
    [{ workspace: "stripe_billing", stripeApiKey: "rk_prod_Nope12345", mode: "test", account: "acct_A" }],
  ])("refuses %j", (input) => {
    expect(connectForm.safeParse(input).success).toBe(false);
  });

  it("takes a Stripe Billing form with its account, and no API URL from the user", () => {
    expect(
      connectForm.parse({
        workspace: "stripe_billing",
        stripeApiKey: " rk_live_Abcdefgh123 ",
        mode: "live",
        account: "acct_A",
        stripeApiUrl: "https://attacker.example/v1",
      }),
    ).toEqual({ workspace: "stripe_billing", stripeApiKey: "rk_live_Abcdefgh123", mode: "live", account: "acct_A" });
  });

  it("reads the Gate's kind and a refused key's permissions from the page's query, keeping only names it knows", () => {
    expect(connectQuery.parse({ account: "acct_A", kind: "stripe_billing" })).toEqual({ account: "acct_A", kind: "stripe_billing" });
    expect(connectQuery.parse({ kind: "stigg_but_not_really" }).kind).toBeUndefined();
    expect(connectQuery.parse({ workspace: "stripe_billing" }).workspace).toBe("stripe_billing");
    expect(connectQuery.parse({ cannotRead: "Billing meters,<script>,Credit grants" }).cannotRead).toEqual(["Billing meters", "Credit grants"]);
  });

  it("treats an empty account field as no account", () => {
    expect(connectForm.parse({ workspace: "sandbox", mode: "test", account: "" })).toEqual({ workspace: "sandbox", mode: "test" });
  });

  it("offers the modes that have a secret key: test and Stripe sandbox in sandbox mode, as configured in live mode", () => {
    expect(availableModes(parseConfig({}))).toEqual(["test", "sandbox"]);
    expect(availableModes(parseConfig({ ...LIVE_ENV, STRIPE_SANDBOX_SECRET_KEY: "sk_test_Managed" }))).toEqual(["sandbox"]);
    expect(availableModes(parseConfig({ ...LIVE_ENV, STRIPE_SECRET_KEY: "sk_live_A" }))).toEqual(["live"]);
    expect(availableModes(parseConfig({ ...LIVE_ENV, STRIPE_SECRET_KEY: "sk_live_A", STRIPE_TEST_SECRET_KEY: "sk_test_B" }))).toEqual([
      "test",
      "live",
    ]);
  });
});
