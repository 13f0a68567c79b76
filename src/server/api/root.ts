import { getCustomer } from "./routers/customer";
import { disconnect } from "./routers/disconnect";
import { getEntitlements } from "./routers/entitlements";
import { getLinks } from "./routers/links";
import { getSubscriptionEntitlements } from "./routers/subscriptionEntitlements";
import { listSubscriptions } from "./routers/subscriptions";
import { getUsageSeries } from "./routers/usage";
import { createTRPCRouter } from "./trpc";

/** The API the extension's views call. Procedure names are part of the contract. */
export const appRouter = createTRPCRouter({
  getCustomer,
  listSubscriptions,
  getEntitlements,
  getUsageSeries,
  getSubscriptionEntitlements,
  getLinks,
  disconnect,
});

export type AppRouter = typeof appRouter;
