"use server";

import { notFound, redirect } from "next/navigation";
import { getConfig } from "@/server/config";
import { stripeAccountId } from "@/server/oauth/connectForm";
import { devStandIn } from "../../../devStandIn";
import { checkAuthorizeRequest, redirectBack } from "./authorizeRequest";

/** The stand-in's "Approve" / "Deny": what Stripe does when the user decides. */
export async function decideAction(formData: FormData): Promise<never> {
  const standIn = devStandIn();
  if (!standIn) notFound();
  const req = checkAuthorizeRequest(
    { client_id: formData.get("client_id"), redirect_uri: formData.get("redirect_uri"), state: formData.get("state") ?? undefined },
    getConfig().oauth,
  );
  if ("problem" in req) notFound();
  if (formData.get("decision") !== "approve") {
    redirect(redirectBack(req, { error: "access_denied", error_description: "The user denied your request" }));
  }
  const account = stripeAccountId.safeParse(formData.get("account"));
  if (!account.success) redirect(redirectBack(req, { error: "invalid_request", error_description: "Invalid account" }));
  // The sandbox stand-in holds only a test-mode key, so it installs in test mode.
  redirect(redirectBack(req, { code: standIn.issueCode(account.data, false) }));
}
