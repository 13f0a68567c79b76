import { createHash } from "node:crypto";
import type Stripe from "stripe";
import type { Workspace } from "@/generated/prisma/client";
import { getConfig } from "../../config";
import { keyringFor } from "../../crypto/keyring";
import { open } from "../../crypto/seal";
import { stripeApiKeyContext } from "../../oauth/stripeBillingWorkspace";
import { processCache } from "../stigg/fromWorkspace";
import { type SourceLog, SourceUnavailableError } from "../types";
import { StripeBillingSource } from "./stripeBillingSource";
import { stripeClient, StripeReader } from "./stripeReader";

// The `stripe` client of each linked workspace, kept between requests (building one sets
// up every resource of the API): keyed by the workspace, its sealed key and base URL, so
// a relinked key gets a client of its own and no client ever serves another workspace.
const MAX_CLIENTS = 1_000;
const clients = new Map<string, Stripe>();

function clientFor(workspace: Workspace, apiKey: string): Stripe {
  const id = createHash("sha256").update(`${workspace.id}\n${workspace.stripeApiKeySealed}\n${workspace.stripeApiUrl ?? ""}`).digest("hex");
  let client = clients.get(id);
  if (!client) {
    if (clients.size >= MAX_CLIENTS) clients.clear();
    client = stripeClient(apiKey, workspace.stripeApiUrl);
    clients.set(id, client);
  }
  return client;
}

/**
 * The Stripe Billing source of a `stripe_billing` workspace row, its restricted key opened
 * for this request, whose reads end by `deadline` (epoch ms).
 */
export function stripeBillingSourceFor(
  workspace: Workspace,
  log: SourceLog,
  deadline: number = Date.now() + getConfig().procedureBudgetMs,
): StripeBillingSource {
  if (!workspace.stripeApiKeySealed) {
    throw new SourceUnavailableError(`Stripe Billing workspace ${workspace.id} has no restricted key`, { source: "Stripe" });
  }
  let apiKey: string;
  try {
    apiKey = open(workspace.stripeApiKeySealed, stripeApiKeyContext(workspace.id), keyringFor(getConfig()));
  } catch (err) {
    throw new SourceUnavailableError(`Stripe Billing workspace ${workspace.id}: its restricted key cannot be opened`, { cause: err, source: "Stripe" });
  }
  const reader = new StripeReader(clientFor(workspace, apiKey), { apiKey, deadline });
  return new StripeBillingSource(reader, processCache(), workspace, log);
}
