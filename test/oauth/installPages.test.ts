import { createElement, type ReactElement } from "react";
import { NextRequest } from "next/server";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SANDBOX_TEST_SECRET_KEY } from "@/server/config";
import { useAppWithFreshDatabase } from "../support/appUnderTest";
import { nextOutcome } from "./nextOutcome";
import { serveOverHttp } from "./serveOverHttp";

// The pages read the request's cookies and headers through next/headers, which only works
// inside a Next request; this stands in for that request scope and records cookies set.
const jar = new Map<string, { value: string; options: Record<string, unknown> }>();
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)!.value } : undefined),
    set: (name: string, value: string, options: Record<string, unknown>) => jar.set(name, { value, options }),
  }),
  headers: async () => new Headers(),
}));

let devRoute: Awaited<ReturnType<typeof serveOverHttp>>;
beforeAll(async () => {
  // The code exchange goes over loopback HTTP to the app's own sandbox token route, as it
  // does in `npm start`; set before the app reads its configuration.
  const { POST } = await import("@/app/dev/stripe/v1/oauth/token/route");
  devRoute = await serveOverHttp(POST);
  process.env.STRIPE_API_BASE = `${devRoute.url}/dev/stripe`;
  process.env.PUBLIC_URL = "http://localhost:3000";
});
afterAll(async () => {
  await devRoute.close();
});
useAppWithFreshDatabase();

const render = (el: unknown) => renderToStaticMarkup(el as ReactElement);
const links = async (account: string) => {
  const { getDb } = await import("@/server/db/client");
  return (await getDb()).stripeAccountLink.findMany({ where: { stripeAccountId: account } });
};

async function submitConnect(fields: Record<string, string>) {
  const { connectAction } = await import("@/app/connect/actions");
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return nextOutcome(() => connectAction(form));
}

/** The stand-in's consent form, posted the way the browser posts it. */
async function decide(fields: Iterable<[string, string]>) {
  const { POST } = await import("@/app/dev/stripe/oauth/v2/authorize/decision/route");
  const form = new FormData();
  for (const [k, v] of fields) form.set(k, v);
  return POST(new Request("http://localhost:3000/dev/stripe/oauth/v2/authorize/decision", { method: "POST", body: form }));
}

/** Stripe's redirect to the callback route, then the browser following it to the result page. */
async function callback(query: Record<string, string>) {
  const { GET } = await import("@/app/oauth/callback/route");
  const cookie = [...jar].map(([name, { value }]) => `${name}=${value}`).join("; ");
  const res = await GET(new NextRequest(`http://localhost:3000/oauth/callback?${new URLSearchParams(query)}`, { headers: { cookie } }));
  expect(res.status).toBe(303);
  expect(res.headers.get("location")).toBe("http://localhost:3000/oauth/result");
  expect(res.headers.get("x-correlation-id")).toBeTruthy();
  for (const set of res.headers.getSetCookie()) {
    const [pair, ...attributes] = set.split("; ");
    const [name, value] = pair!.split("=") as [string, string];
    if (attributes.some((a) => /^Max-Age=0$/i.test(a))) jar.delete(name);
    else jar.set(name, { value, options: {} });
  }
  const { default: ResultPage } = await import("@/app/oauth/result/page");
  return render(await ResultPage());
}

describe("the install pages, through their real handlers", () => {
  it("renders the connect page with the Gate's account and the sandbox workspace", async () => {
    const { default: ConnectPage } = await import("@/app/connect/page");
    const html = render(await ConnectPage({ searchParams: Promise.resolve({ account: "acct_DemoUnlinked" }) }));
    expect(html).toContain("<code>acct_DemoUnlinked</code>");
    expect(html).toContain('value="sandbox"');
    expect(html).toContain("Continue to Stripe");
  });

  it("explains a failed attempt on the connect page", async () => {
    const { default: ConnectPage } = await import("@/app/connect/page");
    const html = render(await ConnectPage({ searchParams: Promise.resolve({ error: "stigg_key_rejected" }) }));
    expect(html).toContain("Stigg did not accept that API key");
  });

  it("connects the sandbox workspace end to end: connect → stand-in approve → token exchange → callback page", async () => {
    jar.clear();
    const started = await submitConnect({ workspace: "sandbox", mode: "test", account: "acct_DemoUnlinked" });
    expect(started).toHaveProperty("redirect");
    const authorize = new URL((started as { redirect: string }).redirect);
    expect(authorize.pathname).toBe("/dev/stripe/oauth/v2/authorize");
    const state = authorize.searchParams.get("state")!;
    expect(jar.get("stigg_oauth_state")).toEqual({
      value: state,
      options: expect.objectContaining({ httpOnly: true, sameSite: "lax", path: "/oauth/callback" }),
    });

    const { default: AuthorizePage } = await import("@/app/dev/stripe/oauth/v2/authorize/page");
    const consent = render(await AuthorizePage({ searchParams: Promise.resolve(Object.fromEntries(authorize.searchParams)) }));
    expect(consent).toContain("Approve");
    expect(consent).toContain("Deny");

    const back = await decide([...authorize.searchParams, ["account", "acct_DemoUnlinked"], ["decision", "approve"]]);
    expect(back.status).toBe(303);
    const returned = new URL(back.headers.get("location")!);
    expect(`${returned.origin}${returned.pathname}`).toBe("http://localhost:3000/oauth/callback");
    expect(returned.searchParams.get("state")).toBe(state);
    const code = returned.searchParams.get("code")!;
    expect(code).toMatch(/^ac_/);

    const exchangesBefore = devRoute.requests;
    const html = await callback({ code, state });
    expect(devRoute.requests).toBe(exchangesBefore + 1);
    expect(html).toContain("Stripe account connected");
    expect(html).toContain('href="/preview?account=acct_DemoUnlinked"');
    expect(html).not.toContain(code);
    expect(html).not.toContain(state);
    expect(jar.has("stigg_oauth_state")).toBe(false);
    expect(await links("acct_DemoUnlinked")).toHaveLength(1);

    // A reload of the result page still shows the result, not "already used".
    const { default: ResultPage } = await import("@/app/oauth/result/page");
    expect(render(await ResultPage())).toContain("Stripe account connected");
  });

  it("sends a denied install back with access_denied and shows it, storing nothing", async () => {
    jar.clear();
    const started = (await submitConnect({ workspace: "sandbox", mode: "test", account: "acct_Denier" })) as { redirect: string };
    const authorize = new URL(started.redirect);
    const back = new URL((await decide([...authorize.searchParams, ["decision", "deny"]])).headers.get("location")!);
    expect(back.searchParams.get("error")).toBe("access_denied");
    const html = await callback(Object.fromEntries(back.searchParams));
    expect(html).toContain("Install cancelled");
    expect(html).toContain('data-testid="correlation-id"');
    expect(await links("acct_Denier")).toHaveLength(0);
  });

  it("shows a clear page for a forged state and stores nothing", async () => {
    jar.set("stigg_oauth_state", { value: "F".repeat(43), options: {} });
    const html = await callback({ code: "ac_FromSomewhere", state: "F".repeat(43) });
    expect(html).toContain("This install link is not valid");
    expect(await links("acct_Forged")).toHaveLength(0);
  });

  it("returns a bad connect form to the page with an error code, keeping the account, workspace kind and mode", async () => {
    const outcome = await submitConnect({ workspace: "stigg", stiggApiKey: "not-a-key", mode: "test", account: "acct_DemoUnlinked" });
    expect(outcome).toEqual({ redirect: "/connect?error=invalid_input&account=acct_DemoUnlinked&workspace=stigg&mode=test" });
    const { default: ConnectPage } = await import("@/app/connect/page");
    const html = render(await ConnectPage({ searchParams: Promise.resolve(Object.fromEntries(new URL(`http://x${(outcome as { redirect: string }).redirect}`).searchParams)) }));
    expect(html).toMatch(/checked="" value="stigg"/);
    expect(html).toContain('aria-label="Stigg server API key"');
  });

  it("an empty Stigg key is asked for by name, not with the generic message", async () => {
    const outcome = await submitConnect({ workspace: "stigg", stiggApiKey: " ", mode: "test", account: "acct_DemoUnlinked" });
    expect(outcome).toEqual({ redirect: "/connect?error=missing_key&account=acct_DemoUnlinked&workspace=stigg&mode=test" });
    const { default: ConnectPage } = await import("@/app/connect/page");
    const html = render(await ConnectPage({ searchParams: Promise.resolve({ error: "missing_key", workspace: "stigg" }) }));
    expect(html).toContain("Paste the server API key of your Stigg environment");
  });

  it("preselects the mode the settings asked for (“Connect Stigg in live mode”) when the server offers it", async () => {
    const { default: ConnectPage } = await import("@/app/connect/page");
    const html = render(await ConnectPage({ searchParams: Promise.resolve({ account: "acct_DemoLinked", mode: "test" }) }));
    expect(html).toMatch(/checked="" value="test"/);
  });

  it("shows a page with a reference when this host fails mid-install, storing nothing", async () => {
    jar.clear();
    const started = (await submitConnect({ workspace: "sandbox", mode: "test", account: "acct_HostFails" })) as { redirect: string };
    const authorize = new URL(started.redirect);
    const back = new URL(
      (await decide([...authorize.searchParams, ["account", "acct_HostFails"], ["decision", "approve"]])).headers.get("location")!,
    );
    const { getDb } = await import("@/server/db/client");
    const failing = vi.spyOn((await getDb()).oAuthState, "updateMany").mockRejectedValueOnce(new Error("database went away"));
    try {
      const html = await callback(Object.fromEntries(back.searchParams));
      expect(html).toContain("Something went wrong on our side");
      expect(html).toContain('data-testid="correlation-id"');
    } finally {
      failing.mockRestore();
    }
    expect(await links("acct_HostFails")).toHaveLength(0);
  });

  it("says there is nothing to report when the result page is opened on its own", async () => {
    jar.clear();
    const { default: ResultPage } = await import("@/app/oauth/result/page");
    expect(render(await ResultPage())).toContain("No install to report");
    jar.set("stigg_oauth_result", { value: Buffer.from('{"outcome":{"kind":"linked"}}').toString("base64url"), options: {} });
    expect(render(await ResultPage())).toContain("No install to report");
  });

  it("refuses to redirect an authorize request to a URI the app does not allow", async () => {
    const { default: AuthorizePage } = await import("@/app/dev/stripe/oauth/v2/authorize/page");
    const html = render(
      await AuthorizePage({
        searchParams: Promise.resolve({ client_id: "ca_DemoSandbox", redirect_uri: "https://attacker.example/cb", state: "s" }),
      }),
    );
    expect(html).toContain("Invalid install request");
    const refused = await decide([
      ["client_id", "ca_DemoSandbox"],
      ["redirect_uri", "https://attacker.example/cb"],
      ["decision", "approve"],
      ["account", "acct_X"],
    ]);
    expect(refused.status).toBe(404);
    expect(refused.headers.get("location")).toBeNull();
  });

  it("serves the stand-in token endpoint in sandbox mode with Stripe's errors", async () => {
    const { POST } = await import("@/app/dev/stripe/v1/oauth/token/route");
    const { devStandIn } = await import("@/app/dev/stripe/devStandIn");
    const post = (code: string, key = SANDBOX_TEST_SECRET_KEY) =>
      POST(
        new Request("http://localhost:3000/dev/stripe/v1/oauth/token", {
          method: "POST",
          headers: { authorization: `Bearer ${key}`, "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ grant_type: "authorization_code", code }),
        }),
      );
    const code = devStandIn()!.issueCode("acct_ViaRoute", false);
    const ok = await post(code);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ stripe_user_id: "acct_ViaRoute", livemode: false, scope: "stripe_apps", token_type: "bearer" });
    const reused = await post(code);
    expect(reused.status).toBe(400);
    expect(await reused.json()).toMatchObject({ error: "invalid_grant" });
    expect((await post("ac_other", "sk_test_Wrong")).status).toBe(401);
  });
});

describe("the stand-ins in live mode", () => {
  it("answer 404, whatever is asked", async () => {
    vi.resetModules();
    const saved = { ...process.env };
    Object.assign(process.env, {
      STRIPE_APP_SECRET: "absec_LiveModeTest",
      STRIPE_WEBHOOK_SECRET: "whsec_LiveModeTest",
      ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString("base64")}`,
      STRIPE_TEST_SECRET_KEY: "sk_test_LiveHostTestKey",
    });
    try {
      const { POST } = await import("@/app/dev/stripe/v1/oauth/token/route");
      const res = await POST(
        new Request("http://localhost:3000/dev/stripe/v1/oauth/token", {
          method: "POST",
          headers: { authorization: "Bearer sk_test_LiveHostTestKey", "content-type": "application/x-www-form-urlencoded" },
          body: "grant_type=authorization_code&code=ac_x",
        }),
      );
      expect(res.status).toBe(404);
      const { default: AuthorizePage } = await import("@/app/dev/stripe/oauth/v2/authorize/page");
      expect(await nextOutcome(() => AuthorizePage({ searchParams: Promise.resolve({}) }))).toEqual({ notFound: true });
      expect((await decide([["client_id", "ca_DemoSandbox"], ["redirect_uri", "http://localhost:3000/oauth/callback"], ["decision", "approve"], ["account", "acct_X"]])).status).toBe(404);
    } finally {
      process.env = saved;
      vi.resetModules();
    }
  });
});
