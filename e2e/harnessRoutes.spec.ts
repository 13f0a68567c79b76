import { expect, test } from "@playwright/test";

// A second server runs in live mode (STRIPE_APP_SECRET set): the harness signs requests,
// so there it must not exist at all.
const live = process.env.E2E_LIVE_URL!;

test("in live mode the preview page, its sandbox document, its bundles and its routes answer 404", async ({ request }) => {
  expect((await request.get(`${live}/`)).status()).toBe(200);
  expect((await request.get(`${live}/preview`)).status()).toBe(404);
  expect((await request.get(`${live}/preview/sandbox`)).status()).toBe(404);
  // Its built bundles too, although they are static files.
  expect((await request.get(`${live}/preview/sandbox.js`)).status()).toBe(404);
  expect((await request.get(`${live}/preview/renderer.js`)).status()).toBe(404);
  expect((await request.get(`${live}/api/preview/fault?account=acct_DemoLinked`)).status()).toBe(404);
  expect((await request.post(`${live}/api/preview/fault`, { data: { account: "acct_DemoLinked", on: true } })).status()).toBe(404);
  expect((await request.post(`${live}/api/preview/fault`, { data: { account: "acct_DemoLinked", kind: "credits", on: true } })).status()).toBe(404);
  const sign = await request.post(`${live}/api/preview/sign`, { data: { user_id: "usr_x", account_id: "acct_DemoLinked" } });
  expect(sign.status()).toBe(404);
  expect(await sign.text()).not.toMatch(/v1=/);
});

test("in sandbox mode the harness signs with the demo secret only, as the host verifies it", async ({ request }) => {
  const res = await request.post("/api/preview/sign", { data: { user_id: "usr_DemoPreview", account_id: "acct_DemoLinked" } });
  expect(res.status()).toBe(200);
  const { signature } = (await res.json()) as { signature: string };
  const api = await request.get(`/api/trpc/getCustomer?input=${encodeURIComponent(JSON.stringify({ stripeCustomerId: "cus_DemoFull" }))}`, {
    headers: { "Stripe-Signature": signature, "Stripe-User-Id": "usr_DemoPreview", "Stripe-Account-Id": "acct_DemoLinked" },
  });
  expect(api.status()).toBe(200);
  // The same request signed for another account fails: the signature covers the account.
  const forged = await request.get(`/api/trpc/getCustomer?input=${encodeURIComponent(JSON.stringify({ stripeCustomerId: "cus_DemoFull" }))}`, {
    headers: { "Stripe-Signature": signature, "Stripe-User-Id": "usr_DemoPreview", "Stripe-Account-Id": "acct_DemoUnlinked" },
  });
  expect(forged.status()).toBe(401);
});

test("the fault route turns kinds of faults on and off one by one and rejects what it does not know", async ({ request }) => {
  const account = "acct_DemoLinked";
  const set = (data: unknown) => request.post("/api/preview/fault", { data });
  try {
    expect(await (await set({ account, kind: "credits", on: true })).json()).toEqual({ account, linked: true, faults: ["credits"] });
    // Without a kind: the whole source, the switch the route started with.
    expect(await (await set({ account, on: true })).json()).toEqual({ account, linked: true, faults: ["all", "credits"] });
    expect(await (await set({ account, kind: "credits", on: false })).json()).toEqual({ account, linked: true, faults: ["all"] });
    const read = await request.get(`/api/preview/fault?${new URLSearchParams({ account })}`);
    expect(await read.json()).toEqual({ account, linked: true, faults: ["all"] });

    for (const bad of [{ account, kind: "usage", on: true }, { account, kind: "credits" }, { account, kind: "credits", on: "yes" }, { account, on: true, extra: 1 }]) {
      const res = await set(bad);
      expect(res.status(), JSON.stringify(bad)).toBe(400);
      expect((await res.json()).error).toContain('"credits"');
    }
    // A rejected request changed nothing.
    expect(await (await request.get(`/api/preview/fault?${new URLSearchParams({ account })}`)).json()).toEqual({ account, linked: true, faults: ["all"] });
    // An account without a linked workspace has nothing to break.
    expect(await (await set({ account: "acct_DemoUnlinked", kind: "credits", on: true })).json()).toEqual({
      account: "acct_DemoUnlinked",
      linked: false,
      faults: [],
    });
  } finally {
    await set({ account, on: false });
    await set({ account, kind: "credits", on: false });
  }
});

test("/preview opened at another host than PUBLIC_URL's moves to PUBLIC_URL's, and the drawer's API calls still pass its CSP", async ({ page, baseURL }) => {
  const publicUrl = new URL(baseURL!);
  const elsewhere = `http://localhost:${publicUrl.port}`;
  const blocked: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
  });
  await page.goto(`${elsewhere}/preview?account=acct_DemoLinked&customer=cus_DemoFull`);
  expect(new URL(page.url()).origin).toBe(publicUrl.origin);
  await expect(page.getByTestId("app-drawer")).toContainText("Last refresh on");
  expect(blocked).toEqual([]);
});

test("the connect page refuses to be framed", async ({ page }) => {
  const blocked: string[] = [];
  page.on("console", (m) => {
    if (/frame-ancestors/i.test(m.text())) blocked.push(m.text());
  });
  await page.goto("/oauth/result");
  await page.setContent(`<iframe src="${new URL("/connect", page.url())}"></iframe>`);
  await expect.poll(() => blocked.length).toBeGreaterThan(0);
  const frame = page.frames().find((f) => f.url().includes("/connect"));
  expect(await frame?.locator("form").count().catch(() => 0) ?? 0).toBe(0);
});
