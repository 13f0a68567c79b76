import type { RunningServer } from "../../support/runningServer";

/**
 * Posts the /connect form the way a browser without JavaScript does (a multipart form with
 * Next's hidden action field) and returns where the server sends the browser next.
 */
export async function postConnect(server: RunningServer, headers: Record<string, string> = {}): Promise<string> {
  const html = await (await fetch(`${server.url}/connect`)).text();
  const field = /name="(\$ACTION_ID_[0-9a-f]+)"/.exec(html)?.[1];
  if (!field) throw new Error("no server action on /connect");
  const form = new FormData();
  form.set(field, "");
  form.set("workspace", "sandbox");
  form.set("mode", "test");
  const res = await fetch(`${server.url}/connect`, { method: "POST", body: form, headers: { Origin: server.url, ...headers }, redirect: "manual" });
  const location = res.headers.get("location");
  if (res.status !== 303 || !location) throw new Error(`expected a 303 from the connect action, got ${res.status}`);
  return location;
}

export const wentToStripe = (location: string) => location.includes("/dev/stripe/oauth/v2/authorize");
export const wasRateLimited = (location: string) => location.includes("error=rate_limited");
