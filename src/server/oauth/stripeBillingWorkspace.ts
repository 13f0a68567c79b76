/** The seal context ties a sealed restricted key to its own workspace row (unlike the Stigg key's). */
export function stripeApiKeyContext(workspaceId: string): string {
  return `workspace.stripe_api_key:${workspaceId}`;
}
