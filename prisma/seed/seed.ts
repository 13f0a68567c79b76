import type { PrismaClient } from "../../src/generated/prisma/client";
import { periodContaining } from "../../src/server/sources/billingPeriod";
import {
  creditTypes,
  customers,
  DAY,
  features,
  LINKED_ACCOUNT,
  plans,
  SANDBOX_WORKSPACE_ID,
  workspace,
  type GrantSeed,
  type SubscriptionSeed,
} from "./demoData";

/** Small deterministic PRNG (mulberry32), so every seed draws the same usage shape. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Row {
  customerId: string;
  featureId: string;
  timestamp: Date;
  value: number;
}

/** One point a day from `from` up to `now`, at midday (or halfway to now for today). */
function dailyTimes(from: Date, now: Date): Date[] {
  const out: Date[] = [];
  for (let day = from.getTime(); day < now.getTime(); day += DAY) {
    out.push(new Date(Math.min(day + DAY / 2, (day + now.getTime()) / 2)));
  }
  return out;
}

/** Splits `total` into integer parts with random weights; the parts sum to `total` exactly. */
function split(total: number, parts: number, rnd: () => number): number[] {
  const weights = Array.from({ length: parts }, () => 0.5 + rnd());
  const sum = weights.reduce((a, b) => a + b, 0);
  const values = weights.map((w) => Math.floor((w / sum) * total));
  values[values.length - 1]! += total - values.reduce((a, b) => a + b, 0);
  return values;
}

/**
 * Usage history over the previous and the current period. `events` meters: daily counts
 * summing to `grant.usage` within the current period. `usage` meters: a rising daily
 * reading that ends at `grant.usage`.
 */
function usageHistory(
  customerId: string,
  grant: GrantSeed & { usage: number },
  meterKind: "events" | "usage",
  anchor: Date,
  now: Date,
  seed: number,
): Row[] {
  const rnd = random(seed);
  const current = grant.resetPeriod
    ? periodContaining(anchor, grant.resetPeriod, now)
    : { start: new Date(Math.max(anchor.getTime(), now.getTime() - 30 * DAY)), end: now };
  const previous = grant.resetPeriod
    ? periodContaining(anchor, grant.resetPeriod, new Date(current.start.getTime() - 1))
    : null;
  const row = (timestamp: Date, value: number): Row => ({ customerId, featureId: grant.featureId, timestamp, value });

  const rows: Row[] = [];
  if (previous && previous.start >= anchor) {
    const times = dailyTimes(previous.start, previous.end);
    const prevTotal = Math.round(grant.usage * 0.9);
    const values =
      meterKind === "events"
        ? split(prevTotal, times.length, rnd)
        : times.map((_, i) => Math.round(prevTotal * (0.5 + (0.5 * (i + 1)) / times.length)));
    times.forEach((t, i) => rows.push(row(t, values[i]!)));
  }
  const times = dailyTimes(current.start, now);
  const values =
    meterKind === "events"
      ? split(grant.usage, times.length, rnd)
      : times.map((_, i) =>
          i === times.length - 1 ? grant.usage : Math.round(grant.usage * (0.6 + 0.4 * rnd() * ((i + 1) / times.length))),
        );
  times.forEach((t, i) => rows.push(row(t, values[i]!)));
  return rows;
}

const at = (now: Date, days: number) => new Date(now.getTime() + days * DAY);

const endedTrialDay = (s: SubscriptionSeed) => (s.trialEndsDay !== undefined && s.trialEndsDay < 0 ? s.trialEndsDay : undefined);

/** A subscription's row, its dates in order: created, started, trial ended or canceled, last updated. */
export function subscriptionRow(s: SubscriptionSeed, customerId: string, now: Date) {
  const start = at(now, s.startDay);
  return {
    id: s.id,
    billingId: s.billingId ?? null,
    customerId,
    planId: s.planId,
    status: s.status,
    startDate: start,
    trialEndsAt: s.trialEndsDay === undefined ? null : at(now, s.trialEndsDay),
    canceledAt: s.canceledDay === undefined ? null : at(now, s.canceledDay),
    createdAt: at(now, Math.min(s.startDay, 0) - 2),
    // Last changed when it ended (canceled, or its trial over), else just after it started.
    updatedAt: at(now, Math.min((s.canceledDay ?? endedTrialDay(s) ?? s.startDay) + 1, 0)),
  };
}

/**
 * Seeds the sandbox workspace, its link to `acct_DemoLinked` and the demo data, in one
 * transaction. Does nothing when the workspace exists unless `replace` is set, which
 * rewrites the demo data (keeping every link, including ones made through OAuth).
 */
export async function seedSandbox(db: PrismaClient, options: { now?: Date; replace?: boolean } = {}): Promise<boolean> {
  const now = options.now ?? new Date();
  const exists = await db.workspace.findUnique({ where: { id: SANDBOX_WORKSPACE_ID } });
  if (exists && !options.replace) return false;

  const usage: Row[] = [];
  customers.forEach((c, ci) =>
    c.subscriptions.forEach((s, si) =>
      s.grants.forEach((g, gi) => {
        const feature = features.find((f) => f.id === g.featureId)!;
        if (g.usage === undefined || feature.kind !== "metered") return;
        usage.push(
          ...usageHistory(c.id, { ...g, usage: g.usage }, feature.meterKind, at(now, s.startDay), now, 1 + ci * 100 + si * 10 + gi),
        );
      }),
    ),
  );

  await db.$transaction(async (tx) => {
    await tx.workspace.upsert({
      where: { id: workspace.id },
      create: { ...workspace, sourceKind: "sandbox" },
      update: { ...workspace, sourceKind: "sandbox" },
    });
    // Children cascade from these three.
    await tx.customer.deleteMany({ where: { workspaceId: workspace.id } });
    await tx.plan.deleteMany({ where: { workspaceId: workspace.id } });
    await tx.feature.deleteMany({ where: { workspaceId: workspace.id } });
    await tx.creditType.deleteMany({ where: { workspaceId: workspace.id } });

    await tx.stripeAccountLink.upsert({
      where: { stripeAccountId_livemode: { stripeAccountId: LINKED_ACCOUNT, livemode: false } },
      create: { stripeAccountId: LINKED_ACCOUNT, livemode: false, workspaceId: workspace.id, scope: "stripe_apps" },
      update: {},
    });
    await tx.plan.createMany({ data: plans.map((p) => ({ ...p, workspaceId: workspace.id })) });
    await tx.feature.createMany({
      data: features.map((f) => ({
        id: f.id,
        workspaceId: workspace.id,
        name: f.name,
        kind: f.kind,
        meterKind: f.kind === "metered" ? f.meterKind : null,
        unitSingular: "unit" in f ? f.unit[0] : null,
        unitPlural: "unit" in f ? f.unit[1] : null,
      })),
    });
    await tx.creditType.createMany({ data: creditTypes.map((c) => ({ ...c, workspaceId: workspace.id })) });
    await tx.customer.createMany({
      data: customers.map((c, i) => ({
        id: c.id,
        workspaceId: workspace.id,
        billingId: c.billingId,
        name: c.name,
        email: c.email,
        createdAt: at(now, -600 + i),
        updatedAt: at(now, -3),
      })),
    });
    await tx.subscription.createMany({
      data: customers.flatMap((c) => c.subscriptions.map((s) => subscriptionRow(s, c.id, now))),
    });
    await tx.entitlementGrant.createMany({
      data: customers.flatMap((c) =>
        c.subscriptions.flatMap((s) =>
          s.grants.map(({ usage: _usage, ...g }) => ({ id: `${s.id}:${g.featureId}`, subscriptionId: s.id, ...g })),
        ),
      ),
    });
    await tx.creditGrant.createMany({
      data: customers.flatMap((c) =>
        (c.credits ?? []).map((g) => ({ ...g, customerId: c.id, grantedAt: at(now, -20) })),
      ),
    });
    await tx.usageRecord.createMany({ data: usage });
  });
  return true;
}
