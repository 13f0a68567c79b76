// The Stripe API permissions the app asks for in stripe-app.json, each with what it is
// used for: Stripe's review asks for only what the app uses. Add an entry here, beside
// the code, when code starts calling Stripe's API (test/manifest.test.ts holds the
// manifest to this list). Today nothing does: the views read only the host's API, and
// the host calls Stripe only to exchange an install's OAuth code, which needs none.
export type StripePermission = { permission: string; purpose: string };

export const STRIPE_PERMISSIONS: readonly StripePermission[] = [];
