import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_WORKSPACE_ID } from "../../prisma/seed/demoData";
import { parseConfig, SANDBOX_CLIENT_ID } from "@/server/config";
import { keyringFor } from "@/server/crypto/keyring";
import { open } from "@/server/crypto/seal";
import { connectForm } from "@/server/oauth/connectForm";
import { consumeState, hashState } from "@/server/oauth/state";
import { availableModes, ConnectError, startInstall } from "@/server/oauth/startInstall";
import { stiggApiKeyContext } from "@/server/oauth/stiggWorkspace";
import { capturedLog } from "./capturedLog";
import { closedPortUrl } from "./fixedResponder";
import { startStiggStandIn } from "../standins/stigg";
import { storeKinds, type TestStore } from "./testStore";

const GOOD_KEY = "server-3f9c2a1e-good-key";
const LIVE_ENV = {
  STRIPE_APP_SECRET: "absec_RealAppSecret",
  STRIPE_WEBHOOK_SECRET: "whsec_RealWebhookSecret",
  ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString("base64")}`,
};

async function refusal(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ConnectError) return err.reason;
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

describe("the connect form and modes", () => {
  it.each([
    [{ workspace: "stigg", stiggApiKey: "client-abc12345", mode: "test" }],
    [{ workspace: "sandbox", mode: "staging" }],
    [{ workspace: "sandbox", mode: "test", account: "cus_123" }],
    [{ workspace: "elsewhere", mode: "test" }],
  ])("refuses %j", (input) => {
    expect(connectForm.safeParse(input).success).toBe(false);
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
