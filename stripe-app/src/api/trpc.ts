import { createTRPCContext } from "@trpc/tanstack-react-query";
import type { AppRouter } from "@/contract";

/** React Query bindings for the host's router: `useTRPC().getEntitlements.queryOptions(…)`. */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();
