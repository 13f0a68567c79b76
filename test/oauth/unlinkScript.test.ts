import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LINKED_ACCOUNT } from "../../prisma/seed/demoData";
import { openStore } from "@/server/db/client";
import { backend, createFreshDatabase } from "../support/freshDatabase";

const run = promisify(execFile);

describe(`scripts/unlink.ts on ${backend}`, () => {
  let fresh: Awaited<ReturnType<typeof createFreshDatabase>>;
  const storeOptions = () => ({ databaseUrl: fresh.env.DATABASE_URL, pgliteDir: fresh.env.PGLITE_DIR ?? "", seed: true });
  beforeAll(async () => {
    fresh = await createFreshDatabase();
    // Create and seed it, then let go: an embedded store allows one process at a time.
    await (await openStore(storeOptions())).close();
  });
  afterAll(() => fresh?.drop());

  const unlink = (...args: string[]) => {
    // Sandbox mode, on this file's fresh store only.
    const { STRIPE_APP_SECRET: _live, DATABASE_URL: _db, PGLITE_DIR: _dir, ...env } = process.env;
    return run("npx", ["tsx", "scripts/unlink.ts", ...args], { env: { ...env, ...fresh.env, LOG_LEVEL: "silent" } }).catch(
      (err: { code: number; stdout: string; stderr: string }) => err,
    );
  };

  it("removes the demo account's link, so its drawer shows the Gate again", { timeout: 60_000 }, async () => {
    const result = await unlink(LINKED_ACCOUNT, "--mode", "test");
    expect(result.stdout).toContain(`Unlinked ${LINKED_ACCOUNT} (1 link removed).`);
    const store = await openStore(storeOptions());
    try {
      expect(await store.db.stripeAccountLink.count({ where: { stripeAccountId: LINKED_ACCOUNT } })).toBe(0);
    } finally {
      await store.close();
    }
  });

  it("refuses anything but one Stripe account id, without touching the store", { timeout: 60_000 }, async () => {
    const result = await unlink("cus_DemoFull");
    expect(result).toMatchObject({ code: 2, stderr: expect.stringContaining("usage: npm run unlink -- acct_…") });
  });
});
