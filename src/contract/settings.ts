import { z } from "zod";
import { connectUrls } from "./customer";
import { isoDateTime } from "./ids";
import { dashboardMode } from "./mode";
import { workspaceKind } from "./workspaceKind";

/** One of this account's links, as the settings view lists it. */
export const accountLink = z.object({
  mode: dashboardMode,
  /** Installed in a Stripe sandbox (an account of its own, in test mode), as the host recorded it. */
  stripeSandbox: z.boolean(),
  workspaceName: z.string(),
  workspaceKind,
  linkedSince: isoDateTime,
  /**
   * When a signed read of this link's source last succeeded, as this host instance saw it
   * (kept in memory per instance, never stored); null when none since it started.
   */
  lastSuccessfulRead: isoDateTime.nullable(),
});
export type AccountLink = z.infer<typeof accountLink>;

/**
 * `getLinks`' answer: every link of the verified account, live first; where to link another,
 * and the Stripe modes this server can link at all (it holds a Stripe key for each), so the
 * view never offers a mode the connect page would refuse.
 */
export const linksResult = z.object({
  links: z.array(accountLink),
  ...connectUrls.shape,
  connectableModes: z.array(dashboardMode),
});
export type LinksResult = z.infer<typeof linksResult>;

export const disconnectResult = z.object({ mode: dashboardMode, disconnected: z.literal(true) });
export type DisconnectResult = z.infer<typeof disconnectResult>;
