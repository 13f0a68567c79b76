// @vitest-environment node
// esbuild checks Uint8Array across realms, which jsdom's globals break.
import { describe, expect, it } from "vitest";
import { bundleView, EXTERNAL } from "../scripts/bundle.mjs";

describe("the shipped view bundle", () => {
  it("leaves React and remote-ui to the Dashboard and carries no host server code", async () => {
    const { code, minifiedBytes, gzippedBytes } = await bundleView();
    const text = new TextDecoder().decode(code);
    for (const name of EXTERNAL) expect(text).toContain(`from"${name}"`);
    // No copy of React itself, and nothing of the host beyond the contract's header name.
    expect(text).not.toContain("__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED");
    for (const serverOnly of ["PrismaClient", "pino", "verifyHeader", "ZodError", "absec_"]) {
      expect(text).not.toContain(serverOnly);
    }
    expect(gzippedBytes).toBeLessThan(minifiedBytes);
    expect(minifiedBytes).toBeLessThan(200 * 1024);
  }, 30_000);
});
