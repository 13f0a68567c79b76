// The local manifest (stripe-app/stripe-app.local.json over stripe-app.json), embedded by
// scripts/build-harness.mjs.
declare module "harness:manifest" {
  const manifest: {
    id?: string;
    name?: string;
    permissions?: { permission: string }[];
    post_install_action?: { type: string } | null;
    constants?: Record<string, unknown>;
    ui_extension?: {
      views?: { viewport: string; component: string }[];
      content_security_policy?: { "connect-src"?: string[]; "image-src"?: string[] };
    };
  };
  export default manifest;
}
