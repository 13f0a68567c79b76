// @vitest-environment node
// esbuild checks Uint8Array across realms, which jsdom's globals break.
import { describe, expect, it } from "vitest";
import { bundleViews } from "../scripts/bundle.mjs";

describe("the views bundled as Stripe's CLI bundles them (tsconfig paths, nothing external)", () => {
  it("hold exactly one React, 18.3.1, and nothing from outside the app folder", async () => {
    const { views, reactCopies, inputsOutsideApp } = await bundleViews();
    expect(reactCopies.map((r) => r.version)).toEqual(["18.3.1"]);
    // No host code (src/server, the generated Prisma client, the contract's zod schemas):
    // what the views need from the host is in src/generated.
    expect(inputsOutsideApp).toEqual([]);
    expect(views.map((v) => v.component)).toContain("CustomerDetailView");
    for (const view of views) {
      const text = new TextDecoder().decode(view.code);
      // React is inside, not imported from the page.
      expect(text).toContain("__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED");
      expect(text).not.toMatch(/\bfrom\s*"react"/);
      for (const serverOnly of ["PrismaClient", "verifyHeader", "ZodError", "absec_"]) {
        expect(text).not.toContain(serverOnly);
      }
      expect(view.gzippedBytes).toBeLessThan(view.minifiedBytes);
    }
  }, 60_000);
});
