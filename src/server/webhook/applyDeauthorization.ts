import type { Db } from "../db/client";

/** Stripe retries an undelivered event for up to 3 days (live mode; less in test mode). */
export const PROCESSED_EVENT_RETENTION_MS = 3 * 24 * 60 * 60 * 1000;

export interface Deauthorization {
  eventId: string;
  account: string;
  livemode: boolean;
  /** Verified by the managed sandbox endpoint's secret: it may remove only a Stripe sandbox's link. */
  sandbox: boolean;
  /** The event's `created`, in seconds since the epoch. */
  created: number;
}

export type DeauthorizationOutcome =
  | { kind: "replay" }
  | { kind: "older_than_grant"; grantedAt: Date }
  | { kind: "applied"; removed: number };

/**
 * Applies an uninstall once, and only to the install it belongs to. In one transaction:
 * the event id is recorded (a replay finds it there and changes nothing; ids older than
 * Stripe's retry window go), and the link is removed only if it was granted no later than
 * the event was created (whole seconds, Stripe's resolution). A link granted after that
 * is a reinstall the event knows nothing of; it stays. Should the store fail, nothing is
 * recorded and Stripe's next delivery applies the event.
 */
export async function applyDeauthorization(db: Db, event: Deauthorization, now = new Date()): Promise<DeauthorizationOutcome> {
  const key = { stripeAccountId: event.account, livemode: event.livemode };
  return db.$transaction(async (tx) => {
    const recorded = await tx.processedWebhookEvent.createMany({ data: [{ id: event.eventId, processedAt: now }], skipDuplicates: true });
    if (recorded.count === 0) return { kind: "replay" };
    await tx.processedWebhookEvent.deleteMany({ where: { processedAt: { lt: new Date(now.getTime() - PROCESSED_EVENT_RETENTION_MS) } } });
    // The condition sits in the DELETE itself, so a reinstall committing meanwhile is never removed.
    const { count } = await tx.stripeAccountLink.deleteMany({
      where: { ...key, sandbox: event.sandbox, grantedAt: { lt: new Date((event.created + 1) * 1000) } },
    });
    if (count === 0) {
      const newer = await tx.stripeAccountLink.findUnique({ where: { stripeAccountId_livemode: key }, select: { grantedAt: true, sandbox: true } });
      if (newer?.sandbox === event.sandbox) return { kind: "older_than_grant", grantedAt: newer.grantedAt };
    }
    return { kind: "applied", removed: count };
  });
}
