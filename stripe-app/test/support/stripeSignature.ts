/** What the mocked `fetchStripeSignature()` returns in the extension's tests. */
export const TEST_SIGNATURE = "t=1700000000,v1=test-signature";
