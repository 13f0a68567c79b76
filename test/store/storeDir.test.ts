import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "@/server/db/client";
import { StoreLockedError } from "@/server/db/dirLock";
import { NotADatabaseError } from "@/server/db/storeDir";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

type Store = Awaited<ReturnType<typeof openStore>>;
const open = (pgliteDir: string) => openStore({ pgliteDir, seed: false });

let parent: string;
let dir: string;
beforeAll(() => {
  parent = mkdtempSync(path.join(tmpdir(), "stigg-store-dir-test-"));
  dir = path.join(parent, "pglite");
  symlinkSync(dir, path.join(parent, "link-to-dir"));
  symlinkSync(parent, path.join(parent, "link-to-parent"));
});
afterAll(() => rmSync(parent, { recursive: true, force: true }));

// Every way of writing the same directory, as an operator might set PGLITE_DIR.
const spellings = (): [string, string][] => [
  ["dir/.", `${dir}/.`],
  ["dir/./", `${dir}/./`],
  ["a link to the directory", path.join(parent, "link-to-dir")],
  ["a link to the parent", path.join(parent, "link-to-parent", "pglite")],
  ["dir/../dir", path.join(dir, "..", "pglite")],
];

// Creating and migrating an embedded database takes seconds, more on a loaded machine.
describe("one embedded database, one owner, whatever the spelling of PGLITE_DIR", { timeout: 180_000 }, () => {
  it("while one store holds the directory, every other spelling is refused, naming the directory", async () => {
    const owner = await open(dir);
    try {
      await owner.db.workspace.create({ data: { id: "ws_marker", sourceKind: "sandbox", displayName: "Marker", stiggAppBaseUrl: "https://app.stigg.io" } });
      for (const [name, spelling] of spellings()) {
        let second: Store | undefined;
        let refused: unknown;
        try {
          second = await open(spelling);
        } catch (err) {
          refused = err;
        }
        await second?.close();
        expect(refused, name).toBeInstanceOf(StoreLockedError);
        expect((refused as Error).message, name).toContain(dir);
        expect((refused as StoreLockedError).pid, name).toBe(process.pid);
      }
    } finally {
      await owner.close();
    }
  });

  it("each spelling opens that same database once it is free", async () => {
    for (const [name, spelling] of spellings()) {
      const store = await open(spelling);
      try {
        expect(await store.db.workspace.findUnique({ where: { id: "ws_marker" } }), name).toMatchObject({ displayName: "Marker" });
      } finally {
        await store.close();
      }
    }
  });

  it("refuses a non-empty directory that is not a database, naming it, and writes nothing into it", async () => {
    const other = path.join(parent, "someone-elses");
    mkdirSync(other);
    writeFileSync(path.join(other, "notes.txt"), "mine");
    await expect(open(other)).rejects.toThrow(NotADatabaseError);
    await expect(open(`${other}/.`)).rejects.toThrow(`PGLITE_DIR ${other}/. is not an embedded database`);
    const { readdirSync } = await import("node:fs");
    expect(readdirSync(other)).toEqual(["notes.txt"]);
  });

  it("refuses a file, and a link to nothing, naming them", async () => {
    const file = path.join(parent, "a-file");
    writeFileSync(file, "");
    await expect(open(file)).rejects.toThrow(`PGLITE_DIR ${file} is not an embedded database: it is a file`);
    const dangling = path.join(parent, "dangling");
    symlinkSync(path.join(parent, "nowhere"), dangling);
    await expect(open(dangling)).rejects.toThrow(`PGLITE_DIR ${dangling} is not an embedded database: it is a link to`);
  });

  it("opens an empty directory as a new database", async () => {
    const empty = path.join(parent, "empty");
    mkdirSync(empty);
    const store = await open(empty);
    await store.close();
  });

  it("the server refuses to start on a directory that is not a database, naming it (not [object Object])", async () => {
    const other = path.join(parent, "not-a-db-for-start");
    mkdirSync(other);
    writeFileSync(path.join(other, "data.csv"), "a,b");
    const { STRIPE_APP_SECRET: _s, DATABASE_URL: _d, ...env } = process.env;
    const failure = await run("npx", ["tsx", "-e", "import('./src/server/startup.ts').then((m) => m.startServer())"], {
      cwd: root,
      env: { ...env, PGLITE_DIR: other },
      timeout: 60_000,
    }).then(
      () => ({ code: 0, stderr: "" }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure.code).toBe(1);
    expect(failure.stderr).toContain(`PGLITE_DIR ${other} is not an embedded database`);
    expect(failure.stderr).not.toContain("[object Object]");
  });
});
