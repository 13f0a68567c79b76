import { getCustomer } from "./routers/customer";
import { getEntitlements } from "./routers/entitlements";
import { listSubscriptions } from "./routers/subscriptions";
import { getUsageSeries } from "./routers/usage";
import { createTRPCRouter } from "./trpc";

/** The API the drawer calls. Procedure names are part of the contract. */
export const appRouter = createTRPCRouter({
  getCustomer,
  listSubscriptions,
  getEntitlements,
  getUsageSeries,
});

export type AppRouter = typeof appRouter;
