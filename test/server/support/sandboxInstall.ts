/*
 * The sandbox install flow over real HTTP, as a browser without JavaScript runs it: the
 * connect page's form (a Next server action, posted as multipart with its action id), the
 * local Stripe stand-in's Approve, the callback, then the result page. A write the server
 * acknowledges: the result page says the account is connected.
 */

export const redirected = (res: Response) => {
  const location = res.headers.get("location");
  if (res.status !== 303 || !location) throw new Error(`expected a 303 redirect, got ${res.status}`);
  return new URL(location, res.url);
};

/** The connect page's form, filled in for the sandbox workspace and sent; the answer is a 303. */
export async function submitConnect(baseUrl: string, account: string): Promise<Response> {
  const page = await (await fetch(`${baseUrl}/connect?account=${account}`)).text();
  const actionField = /name="(\$ACTION_ID_[0-9a-f]+)"/.exec(page)?.[1];
  if (!actionField) throw new Error("the connect page has no form action");
  const form = new FormData();
  form.set(actionField, "");
  form.set("account", account);
  form.set("workspace", "sandbox");
  form.set("mode", "test");
  return fetch(`${baseUrl}/connect?account=${account}`, { method: "POST", body: form, redirect: "manual" });
}

export async function installSandbox(baseUrl: string, account: string): Promise<boolean> {
  const started = await submitConnect(baseUrl, account);
  const authorize = redirected(started);
  const stateCookie = started.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");

  const decision = new FormData();
  for (const [k, v] of authorize.searchParams) decision.set(k, v);
  decision.set("account", account);
  decision.set("decision", "approve");
  const back = redirected(
    await fetch(`${baseUrl}/dev/stripe/oauth/v2/authorize/decision`, { method: "POST", body: decision, redirect: "manual" }),
  );

  const callback = await fetch(`${baseUrl}${back.pathname}${back.search}`, { headers: { cookie: stateCookie }, redirect: "manual" });
  const result = redirected(callback);
  const resultCookie = callback.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const html = await (await fetch(`${baseUrl}${result.pathname}`, { headers: { cookie: resultCookie } })).text();
  return html.includes("Stripe account connected");
}
