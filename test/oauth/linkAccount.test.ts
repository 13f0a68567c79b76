import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LINKED_ACCOUNT, SANDBOX_WORKSPACE_ID } from "../../prisma/seed/demoData";
import { open } from "@/server/crypto/seal";
import { linkAccount, refreshTokenContext } from "@/server/oauth/linkAccount";
import { unlinkAccount } from "@/server/oauth/unlinkAccount";
import { storeKinds, type TestStore } from "./testStore";

const keyring = [{ id: "k1", key: randomBytes(32) }];
const OTHER_WORKSPACE = "ws_link_test_other";

describe.each(storeKinds)("link records on $name", (kind) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await kind.open();
    await store.db.workspace.create({
      data: { id: OTHER_WORKSPACE, sourceKind: "sandbox", displayName: "Other", stiggAppBaseUrl: "https://app.stigg.io" },
    });
  });
  afterAll(() => store?.close());

  const linksOf = (stripeAccountId: string) => store.db.stripeAccountLink.findMany({ where: { stripeAccountId } });

  it("creates a link whose refresh token is sealed for that row", async () => {
    const result = await linkAccount(
      store.db,
      { stripeAccountId: "acct_New1", livemode: false, workspaceId: SANDBOX_WORKSPACE_ID, scope: "stripe_apps", refreshToken: "rt_first" },
      keyring,
    );
    expect(result).toEqual({ reinstalled: false });
    const [link] = await linksOf("acct_New1");
    expect(link).toMatchObject({ livemode: false, workspaceId: SANDBOX_WORKSPACE_ID, scope: "stripe_apps" });
    expect(link!.refreshTokenSealed).not.toContain("rt_first");
    expect(open(link!.refreshTokenSealed!, refreshTokenContext("acct_New1", false), keyring)).toBe("rt_first");
  });

  it("updates the same row on re-install: new workspace, new token, never a duplicate", async () => {
    const input = { stripeAccountId: "acct_Again", livemode: false, workspaceId: SANDBOX_WORKSPACE_ID, scope: "stripe_apps", refreshToken: "rt_1" };
    await linkAccount(store.db, input, keyring);
    const [before] = await linksOf("acct_Again");
    expect(await linkAccount(store.db, { ...input, workspaceId: OTHER_WORKSPACE, refreshToken: "rt_2" }, keyring)).toEqual({ reinstalled: true });
    const after = await linksOf("acct_Again");
    expect(after).toHaveLength(1);
    expect(after[0]!.id).toBe(before!.id);
    expect(after[0]!.workspaceId).toBe(OTHER_WORKSPACE);
    expect(open(after[0]!.refreshTokenSealed!, refreshTokenContext("acct_Again", false), keyring)).toBe("rt_2");
  });

  it("sets the grant time on every install, a reinstall included (the uninstall webhook compares with it)", async () => {
    const input = { stripeAccountId: "acct_Granted", livemode: true, workspaceId: SANDBOX_WORKSPACE_ID, scope: "stripe_apps", refreshToken: "rt_1" };
    const firstCall = Date.now();
    await linkAccount(store.db, input, keyring);
    const [first] = await linksOf("acct_Granted");
    expect(first!.grantedAt.getTime()).toBeGreaterThanOrEqual(firstCall - 1_000);
    const longAgo = new Date("2020-01-01T00:00:00Z");
    await store.db.stripeAccountLink.update({ where: { id: first!.id }, data: { grantedAt: longAgo } });
    const reinstallCall = Date.now();
    await linkAccount(store.db, { ...input, refreshToken: "rt_2" }, keyring);
    const [again] = await linksOf("acct_Granted");
    expect(again!.grantedAt.getTime()).toBeGreaterThanOrEqual(reinstallCall - 1_000);
    expect(again!.createdAt).toEqual(first!.createdAt);
  });

  it("keeps test-mode and live-mode installs of one account apart", async () => {
    const input = { stripeAccountId: "acct_Both", workspaceId: SANDBOX_WORKSPACE_ID, scope: "stripe_apps", refreshToken: "rt" };
    await linkAccount(store.db, { ...input, livemode: false }, keyring);
    await linkAccount(store.db, { ...input, livemode: true }, keyring);
    expect((await linksOf("acct_Both")).map((l) => l.livemode).sort()).toEqual([false, true]);
  });

  it("leaves one row when installs for one account land at once", async () => {
    const input = { stripeAccountId: "acct_Race", livemode: false, scope: "stripe_apps" };
    const results = await Promise.all(
      [1, 2, 3, 4].map((i) =>
        linkAccount(
          store.db,
          i % 2 ? { ...input, workspaceId: SANDBOX_WORKSPACE_ID, refreshToken: "rt_a" } : { ...input, workspaceId: OTHER_WORKSPACE, refreshToken: "rt_b" },
          keyring,
        ),
      ),
    );
    expect(results).toHaveLength(4);
    const links = await linksOf("acct_Race");
    expect(links).toHaveLength(1);
    const token = open(links[0]!.refreshTokenSealed!, refreshTokenContext("acct_Race", false), keyring);
    // Whichever wrote last wins, as a whole: its workspace with its own token.
    expect([`${SANDBOX_WORKSPACE_ID}/rt_a`, `${OTHER_WORKSPACE}/rt_b`]).toContain(`${links[0]!.workspaceId}/${token}`);
  });

  it("unlinks an account so it has no link left (the drawer shows the Gate)", async () => {
    expect(await linksOf(LINKED_ACCOUNT)).toHaveLength(1);
    expect(await unlinkAccount(store.db, LINKED_ACCOUNT)).toBe(1);
    expect(await linksOf(LINKED_ACCOUNT)).toHaveLength(0);
    expect(await unlinkAccount(store.db, LINKED_ACCOUNT)).toBe(0);
  });

  it("unlinks one mode only when asked", async () => {
    expect(await unlinkAccount(store.db, "acct_Both", true)).toBe(1);
    expect((await linksOf("acct_Both")).map((l) => l.livemode)).toEqual([false]);
  });
});
