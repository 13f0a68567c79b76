import { createElement, type ReactElement } from "react";
import { NextRequest } from "next/server";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { STRIPE_BILLING_GATE_ACTION } from "@/contract";
import { DEMO_BILLING_ACCOUNT, DEMO_BILLING_KEY } from "@/server/dev/stripeBilling/demoAccount";
import { NEEDED_PERMISSIONS } from "@/server/sources/stripe/keyCheck";
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

// The host's own sandbox routes on a loopback port that is its PUBLIC_URL, as in `npm start`:
// the key check reads its Stripe API stand-in (/dev/stripe/v1/…), the callback exchanges the
// code at its token route. Set before the app reads its configuration.
let host: Awaited<ReturnType<typeof serveOverHttp>>;
beforeAll(async () => {
  const { GET } = await import("@/app/dev/stripe/v1/[...path]/route");
  const { POST } = await import("@/app/dev/stripe/v1/oauth/token/route");
  const API = "/dev/stripe/v1/";
  host = await serveOverHttp(async (req) => {
    const { pathname } = new URL(req.url);
    if (req.method === "POST" && pathname === `${API}oauth/token`) return POST(req);
    if (pathname.startsWith(API)) return GET(req, { params: Promise.resolve({ path: pathname.slice(API.length).split("/").map(decodeURIComponent) }) });
    return new Response("Not found", { status: 404 });
  });
  process.env.PUBLIC_URL = host.url;
  delete process.env.STRIPE_API_BASE;
  delete process.env.STRIPE_BILLING_SOURCE;
});
afterAll(async () => {
  await host.close();
});
useAppWithFreshDatabase();

const render = (el: unknown) => renderToStaticMarkup(el as ReactElement);

async function connectPage(query: Record<string, string>) {
  const { default: ConnectPage } = await import("@/app/connect/page");
  return render(await ConnectPage({ searchParams: Promise.resolve(query) }));
}

async function submitConnect(fields: Record<string, string>) {
  const { connectAction } = await import("@/app/connect/actions");
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return nextOutcome(() => connectAction(form));
}

/** The connect page a refused attempt comes back to. */
const pageQuery = (redirect: string) => Object.fromEntries(new URL(redirect, "http://x").searchParams);

/** Connect → the stand-in's Approve on `approveOn` → callback → the result page. */
async function installWith(account: string, approveOn: string) {
  jar.clear();
  const started = await submitConnect({ workspace: "stripe_billing", stripeApiKey: DEMO_BILLING_KEY, mode: "test", account });
  expect(started).toHaveProperty("redirect");
  const authorize = new URL((started as { redirect: string }).redirect);
  expect(authorize.pathname).toBe("/dev/stripe/oauth/v2/authorize");

  const { POST: decide } = await import("@/app/dev/stripe/oauth/v2/authorize/decision/route");
  const decision = new FormData();
  for (const [k, v] of [...authorize.searchParams, ["account", approveOn], ["decision", "approve"]]) decision.set(k!, v!);
  const back = await decide(new Request(`${host.url}/dev/stripe/oauth/v2/authorize/decision`, { method: "POST", body: decision }));
  const returned = new URL(back.headers.get("location")!);

  const { GET: callback } = await import("@/app/oauth/callback/route");
  const cookie = [...jar].map(([name, { value }]) => `${name}=${value}`).join("; ");
  const res = await callback(new NextRequest(`${host.url}/oauth/callback?${returned.searchParams}`, { headers: { cookie } }));
  expect(res.status).toBe(303);
  for (const set of res.headers.getSetCookie()) {
    const [name, value] = set.split("; ")[0]!.split("=") as [string, string];
    jar.set(name, { value, options: {} });
  }
  const { default: ResultPage } = await import("@/app/oauth/result/page");
  return render(await ResultPage());
}

async function linkOf(account: string) {
  const { getDb } = await import("@/server/db/client");
  return (await getDb()).stripeAccountLink.findUnique({ where: { stripeAccountId_livemode: { stripeAccountId: account, livemode: false } } });
}

describe("connecting the Stripe Billing kind, through the real pages and the host's sandbox routes", () => {
  it("the Gate's link preselects the kind and asks for a restricted key, naming the Read permissions to grant", async () => {
    const html = await connectPage({ account: "acct_DemoUnlinked", kind: "stripe_billing" });
    expect(html).toContain(`>${STRIPE_BILLING_GATE_ACTION.replace("'", "&#x27;")}</h1>`);
    expect(html).toContain("Paste a restricted key of this Stripe account");
    expect(html).toMatch(/checked="" value="stripe_billing"\/> Stripe Billing \(this account&#x27;s own data\)/);
    expect(html).toMatch(/<input type="password"[^>]*name="stripeApiKey" value=""\/>/);
    expect(html).toContain('aria-label="Stripe restricted key"');
    expect(html).toContain('pattern="rk_(test|live)_[A-Za-z0-9]{8,256}"');
    expect(html).toContain(`Read access to ${NEEDED_PERMISSIONS.join(", ")} and Account`);
    expect(html).not.toContain('name="stiggApiKey"');
  });

  it("without the Gate's account, says to open it from the app in the Stripe Dashboard and offers no key field", async () => {
    const html = await connectPage({ kind: "stripe_billing" });
    expect(html).toContain("open this page from the app");
    expect(html).not.toContain('name="stripeApiKey"');
    expect(html).toMatch(/<button type="submit"[^>]*disabled=""/);
    expect(await submitConnect({ workspace: "stripe_billing", stripeApiKey: DEMO_BILLING_KEY, mode: "test" })).toEqual({
      redirect: "/connect?error=account_required&workspace=stripe_billing&mode=test",
    });
  });

  it.each([
    ["no key", " ", "missing_restricted_key", "Paste a restricted key of this Stripe account"],
    ["a secret key", "sk_test_PastedTheSecretKey", "stripe_key_not_restricted", "That is not a restricted key"],
  ])("asks again for %s, without sending the key back", async (_name, key, code, words) => {
    const outcome = (await submitConnect({ workspace: "stripe_billing", stripeApiKey: key, mode: "test", account: "acct_DemoUnlinked" })) as {
      redirect: string;
    };
    expect(outcome.redirect).toBe(`/connect?error=${code}&account=acct_DemoUnlinked&workspace=stripe_billing&mode=test`);
    expect(await connectPage(pageQuery(outcome.redirect))).toContain(words);
  });

  it("refuses a key of another account after asking Stripe, and the page keeps the kind but not the key", async () => {
    const outcome = (await submitConnect({ workspace: "stripe_billing", stripeApiKey: DEMO_BILLING_KEY, mode: "test", account: "acct_DemoUnlinked" })) as {
      redirect: string;
    };
    expect(outcome.redirect).toBe("/connect?error=stripe_key_other_account&account=acct_DemoUnlinked&workspace=stripe_billing&mode=test");
    const html = await connectPage(pageQuery(outcome.redirect));
    expect(html).toContain("That key belongs to another Stripe account");
    expect(html).toMatch(/checked="" value="stripe_billing"/);
    expect(html).not.toContain(DEMO_BILLING_KEY);
    expect(await linkOf("acct_DemoUnlinked")).toBeNull();
  });

  it("names the permissions a refused key lacks, only from the ones it knows", async () => {
    const html = await connectPage({
      error: "stripe_key_missing_permissions",
      account: "acct_DemoUnlinked",
      workspace: "stripe_billing",
      cannotRead: "Billing meters,Delete everything,Credit grants",
    });
    expect(html).toContain("It cannot read: Billing meters, Credit grants.");
    expect(html).not.toContain("Delete everything");
  });

  it("links nothing when the install is approved on another account than the key's, and says so", async () => {
    const html = await installWith(DEMO_BILLING_ACCOUNT, "acct_ApprovedElsewhere");
    expect(html).toContain("The key belongs to another Stripe account");
    expect(html).toContain(`belongs to ${DEMO_BILLING_ACCOUNT}. Nothing was connected.`);
    expect(html).toContain('data-testid="correlation-id"');
    expect(await linkOf("acct_ApprovedElsewhere")).toBeNull();
  });

  it("links the key's own account to its Stripe Billing workspace end to end", async () => {
    const html = await installWith(DEMO_BILLING_ACCOUNT, DEMO_BILLING_ACCOUNT);
    // The demo seeds this account linked to its own workspace: the install replaces that link.
    expect(html).toContain("Stripe account re-connected");
    expect(html).toContain(`${DEMO_BILLING_ACCOUNT} (test mode) now shows entitlements from “Stripe Billing of ${DEMO_BILLING_ACCOUNT} (test mode)”.`);
    expect((await linkOf(DEMO_BILLING_ACCOUNT))?.workspaceId).toBe(`ws_stripe_${DEMO_BILLING_ACCOUNT}_test`);
  });
});

describe("where the operator has not enabled the kind", () => {
  it("the connect page does not offer it, even when the link asks for it, and the action refuses it", async () => {
    vi.resetModules();
    const saved = process.env.STRIPE_BILLING_SOURCE;
    process.env.STRIPE_BILLING_SOURCE = "off";
    try {
      const html = await connectPage({ account: "acct_DemoUnlinked", kind: "stripe_billing" });
      expect(html).not.toContain("Stripe Billing");
      expect(html).not.toContain('name="stripeApiKey"');
      expect(html).toContain('value="stigg"');
      const outcome = (await submitConnect({ workspace: "stripe_billing", stripeApiKey: DEMO_BILLING_KEY, mode: "test", account: "acct_DemoUnlinked" })) as {
        redirect: string;
      };
      expect(outcome.redirect).toBe("/connect?error=stripe_billing_unavailable&account=acct_DemoUnlinked&workspace=stripe_billing&mode=test");
      expect(await connectPage(pageQuery(outcome.redirect))).toContain("This server does not offer Stripe Billing data as a source");
    } finally {
      if (saved === undefined) delete process.env.STRIPE_BILLING_SOURCE;
      else process.env.STRIPE_BILLING_SOURCE = saved;
      vi.resetModules();
    }
  });
});
