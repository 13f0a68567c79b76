import { describe, expect, it } from "vitest";
import { LINKED_ACCOUNT } from "../../prisma/seed/demoData";
import { useAppWithFreshDatabase } from "../support/appUnderTest";
import { backend } from "../support/freshDatabase";
import { call, errorOf } from "../support/signedApi";

useAppWithFreshDatabase();

describe(`a failing store (${backend})`, () => {
  it("answers INTERNAL_SERVER_ERROR with an actionable message, a correlation id and no internals", async () => {
    const { getDb } = await import("@/server/db/client");
    const db = await getDb();
    await db.$executeRawUnsafe(`ALTER TABLE usage_record RENAME TO usage_record_moved`);
    try {
      const { res, body } = await call("getEntitlements", { stripeCustomerId: "cus_DemoFull" }, LINKED_ACCOUNT);
      expect(res.status).toBe(500);
      const error = errorOf(body);
      expect(error.data.code).toBe("INTERNAL_SERVER_ERROR");
      expect(error.data.correlationId).toBe(res.headers.get("X-Correlation-Id"));
      expect(error.message).toMatch(/correlation id/);
      const text = JSON.stringify(body);
      expect(text).not.toMatch(/usage_record|prisma|stack|at \w+ \(/i);
    } finally {
      await db.$executeRawUnsafe(`ALTER TABLE usage_record_moved RENAME TO usage_record`);
    }
    const { res } = await call("getEntitlements", { stripeCustomerId: "cus_DemoFull" }, LINKED_ACCOUNT);
    expect(res.status).toBe(200);
  });
});
