import { describe, expect, it } from "vitest";
import type { ResetPeriod } from "@/contract";
import { sql } from "@/server/db/sql";
import { periodContaining } from "@/server/sources/billingPeriod";
import { backend } from "../support/freshDatabase";
import { useFreshStore } from "../support/freshStore";

/*
 * The customer's record sums each grant's usage over a period the database finds
 * (migration 20261129100000_usage_period_function); the drawer shows the period
 * billingPeriod.ts finds. They must be the same period, to the millisecond, always.
 */
const opened = useFreshStore({ seed: false });

const PERIODS: ResetPeriod[] = ["day", "week", "month", "year"];
const STEP_MS: Record<ResetPeriod, number> = { day: 864e5, week: 6048e5, month: 2_629_746_000, year: 31_556_952_000 };

/** A seeded generator, so a failure can be run again as it was. */
function random(seed: number) {
  let x = seed;
  return () => ((x = (x * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

interface Case {
  anchor: Date;
  period: ResetPeriod;
  at: Date;
}

function cases(): Case[] {
  const next = random(20261129);
  const out: Case[] = [];
  // Month ends and a leap day, where calendars clamp; and ordinary days.
  const anchors = ["2024-01-31T10:15:30.123Z", "2024-02-29T00:00:00.000Z", "2023-03-30T23:59:59.999Z", "2026-08-31T12:00:00.000Z", "2025-12-01T00:00:00.000Z"].map((s) => new Date(s));
  for (let i = 0; i < 60; i++) anchors.push(new Date(Date.UTC(2000 + Math.floor(next() * 30), 0, 1) + Math.floor(next() * 366 * 864e5)));
  for (const anchor of anchors) {
    for (const period of PERIODS) {
      for (let j = 0; j < 6; j++) {
        const at = new Date(anchor.getTime() + Math.floor((next() * 40 - 2) * STEP_MS[period]));
        out.push({ anchor, period, at });
        // Exactly on the period's start, and the millisecond before it.
        const { start } = periodContaining(anchor, period, at);
        out.push({ anchor, period, at: start }, { anchor, period, at: new Date(start.getTime() - 1) });
      }
    }
  }
  return out;
}

describe(`usage periods in SQL and in TypeScript (${backend})`, () => {
  it("agree on every period, at month ends, leap days, boundaries and before the anchor", async () => {
    const all = cases();
    const json = JSON.stringify(all.map((c, i) => ({ i, a: c.anchor.toISOString(), p: c.period, t: c.at.toISOString() })));
    const rows = await opened().sql.rows<{ start: Date; end: Date }>(sql`
      SELECT app_usage_period_bound(x.a, x.p, app_usage_period_index(x.a, x.p, x.t)) AS start,
             app_usage_period_bound(x.a, x.p, app_usage_period_index(x.a, x.p, x.t) + 1) AS "end"
      FROM json_to_recordset(${json}::json) AS x(i int, a timestamp, p text, t timestamp)
      ORDER BY x.i`);
    expect(rows).toHaveLength(all.length);
    const disagreements = all
      .map((c, i) => ({ ...c, sql: rows[i]!, ts: periodContaining(c.anchor, c.period, c.at) }))
      .filter((r) => r.sql.start.getTime() !== r.ts.start.getTime() || r.sql.end.getTime() !== r.ts.end.getTime());
    expect(disagreements.slice(0, 5)).toEqual([]);
    expect(all.length).toBeGreaterThan(4_000);
  });
});
