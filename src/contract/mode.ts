import { z } from "zod";

/**
 * The Dashboard's mode (the SDK's `environment.mode`). Sent in this header as a hint for
 * choosing between the verified account's own links (one per mode), never as a credential:
 * it cannot reach another account's link. Without it, a live-mode link wins.
 */
export const MODE_HEADER = "Stripe-Mode";

export const dashboardMode = z.enum(["test", "live"]);
export type DashboardMode = z.infer<typeof dashboardMode>;
