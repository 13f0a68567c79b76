import { handleStripeWebhook } from "@/server/webhook/stripeWebhook";

export const dynamic = "force-dynamic";

export { handleStripeWebhook as POST };
