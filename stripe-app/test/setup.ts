import { vi } from "vitest";
// Registers the SDK's matchers (toContainText, toHaveProps, toContainComponent…).
import "@stripe/ui-extension-sdk/testing";
import { TEST_SIGNATURE } from "./support/stripeSignature";

// Dates and times are formatted with Intl in the user's zone; pin it so the expected
// strings are the same on every machine.
process.env.TZ = "UTC";

// Outside Stripe the SDK's platform calls reject ("hostEndpoint has not been
// initialized"); the signature is opaque to the extension, so any string will do.
vi.mock("@stripe/ui-extension-sdk/utils", () => ({
  fetchStripeSignature: vi.fn(async () => TEST_SIGNATURE),
}));
