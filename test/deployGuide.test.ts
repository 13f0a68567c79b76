import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { MANIFEST, manifestErrors } from "../stripe-app/scripts/manifest.mjs";

const root = path.resolve(import.meta.dirname, "..");
const readme = readFileSync(path.join(root, "README.md"), "utf8");
const scripts: Record<string, string> = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).scripts;
const appScripts: Record<string, string> = JSON.parse(readFileSync(path.join(root, "stripe-app/package.json"), "utf8")).scripts;

/** The README's "## Deploy" section, up to the next second-level heading. */
function deploySection(): string {
  const start = readme.indexOf("\n## Deploy\n");
  expect(start, "README has a ## Deploy section").toBeGreaterThan(-1);
  const end = readme.indexOf("\n## ", start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
}

describe("README's Deploy section", () => {
  const section = deploySection();

  it("names only npm scripts that exist", () => {
    // A command after `cd stripe-app` on its line is the extension folder's script.
    const inApp = (index: number) => section.slice(section.lastIndexOf("\n", index), index).includes("cd stripe-app");
    const named = [...section.matchAll(/\bnpm run ([\w:-]+)/g)].map((m) => ({ name: m[1]!, app: inApp(m.index) }));
    // `npm start` and `npm test` are scripts too; `npm ci` is npm's own.
    named.push(...[...section.matchAll(/\bnpm (start|test)\b/g)].map((m) => ({ name: m[1]!, app: inApp(m.index) })));
    expect(named).toContainEqual({ name: "manifest", app: false });
    expect(named).toContainEqual({ name: "build", app: false });
    expect(named).toContainEqual({ name: "upload", app: true });
    for (const { name, app } of named) {
      expect(app ? appScripts : scripts, `npm script "${name}"${app ? " of stripe-app/" : ""}`).toHaveProperty(name);
    }
  });

  it("covers the steps in order: PostgreSQL, environment, TLS, health, instances, upload, OAuth", () => {
    const at = (text: string) => section.indexOf(text);
    const steps = [
      "**PostgreSQL.**",
      "**Environment.**",
      "**Build and serve behind TLS.**",
      "**Health.**",
      "**Several instances.**",
      "**Upload the extension.**",
      "**OAuth settings in Stripe.**",
      "### Rotating secrets",
    ];
    for (const step of steps) expect(at(step), step).toBeGreaterThan(-1);
    expect(section.slice(at("**Health.**"))).toMatch(/^[^\n]*`GET \/api\/health`/);
    expect(section).toContain("REDIS_URL");
    expect(section).toContain("stripe apps upload");
    expect(steps.map(at)).toEqual([...steps.map(at)].sort((a, b) => a - b));
  });

  describe("its manifest command, run as written on a copy of the manifest", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "stigg-deploy-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("writes a manifest that validates against Stripe's schema, for the URL it names", async () => {
      const command = section.match(/npm run manifest -- (.+)$/m);
      expect(command).not.toBeNull();
      const args = command![1]!.trim().split(/\s+/);
      const file = path.join(dir, "stripe-app.json");
      copyFileSync(MANIFEST, file);
      await promisify(execFile)(process.execPath, [scripts.manifest!.replace(/^node /, ""), ...args, "--manifest", file], { cwd: root });
      const written = JSON.parse(readFileSync(file, "utf8"));
      expect(manifestErrors(written)).toEqual([]);
      const url = args[args.indexOf("--public-url") + 1]!;
      expect(written.constants.API_BASE).toBe(new URL(url).origin);
      expect(written.ui_extension.content_security_policy["connect-src"]).toEqual([`${new URL(url).origin}/api/`]);
    });
  });
});
