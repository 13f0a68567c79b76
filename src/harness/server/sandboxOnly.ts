import { getConfig } from "@/server/config";

type Handler = (req: Request) => Promise<Response> | Response;

/**
 * The preview harness signs requests and can break the data source, so it exists only in
 * sandbox mode. In live mode every harness route answers a plain 404, as if absent.
 */
export function sandboxOnly(handler: Handler): Handler {
  return (req) =>
    getConfig().mode === "sandbox"
      ? handler(req)
      : new Response("Not Found", { status: 404, headers: { "Content-Type": "text/plain" } });
}
