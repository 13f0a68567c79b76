import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { StripeBillingStandIn } from "@/server/dev/stripeBilling/standIn";
import type { StandInAccountData, StandInKey } from "@/server/dev/stripeBilling/wire";

export interface StripeBillingLoopback {
  standIn: StripeBillingStandIn;
  /** Base URL up to /v1, as a workspace's stripeApiUrl holds it. */
  url: string;
  /** Holds every request until `release()`; `held` says how many wait. */
  hold(): void;
  release(options?: { keepHolding?: boolean }): void;
  held(): string[];
  /** Resolves once `n` requests are held. */
  untilHeld(n: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * The host's Stripe API stand-in (src/server/dev/stripeBilling) on a loopback port, under
 * /v1 as Stripe serves it, or under `mount` + /v1 (`/dev/stripe`: where a sandbox-mode host
 * whose PUBLIC_URL is this port reads it). `hold` lets a test see which requests go out
 * together (a round) without timing anything.
 */
export async function startStripeBillingStandIn(
  accounts: StandInAccountData[],
  keys: StandInKey[],
  options: { mount?: string } = {},
): Promise<StripeBillingLoopback> {
  const base = `${options.mount ?? ""}/v1`;
  const standIn = new StripeBillingStandIn(accounts, keys);
  let holding = false;
  let waiting: { path: string; go: () => void }[] = [];
  let watchers: { n: number; done: () => void }[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://loopback");
    const answer = async () => {
      if (!url.pathname.startsWith(`${base}/`)) {
        res.writeHead(404).end();
        return;
      }
      const a = await standIn.handle({
        method: req.method ?? "GET",
        path: url.pathname.slice(base.length),
        query: url.searchParams,
        header: (name) => {
          const v = req.headers[name.toLowerCase()];
          return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
        },
      });
      res.writeHead(a.status, a.headers).end(a.body);
    };
    req.resume();
    req.on("end", () => {
      if (!holding) return void answer();
      waiting.push({ path: url.pathname.slice(base.length), go: () => void answer() });
      watchers = watchers.filter((w) => (waiting.length >= w.n ? (w.done(), false) : true));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    standIn,
    url: `http://127.0.0.1:${port}${base}`,
    hold: () => void (holding = true),
    release: (options = {}) => {
      holding = options.keepHolding ?? false;
      const go = waiting;
      waiting = [];
      for (const w of go) w.go();
    },
    held: () => waiting.map((w) => w.path).sort(),
    untilHeld: (n) => (waiting.length >= n ? Promise.resolve() : new Promise((done) => watchers.push({ n, done }))),
    close: async () => {
      standIn.clearFaults();
      for (const w of waiting) w.go();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
