import { describe, expect, it } from "vitest";
import { resolveLocale } from "../../src/format/locale";

describe("resolveLocale", () => {
  it("keeps a locale Intl knows and falls back to en-US otherwise", () => {
    expect(resolveLocale("de-DE")).toBe("de-DE");
    expect(resolveLocale(undefined)).toBe("en-US");
    expect(resolveLocale("not a locale!")).toBe("en-US");
  });
});
