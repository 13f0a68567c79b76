import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Stigg's GraphQL endpoint on a loopback port, for the one query the connect page sends:
 * JSON `{query}` POSTed with `X-API-KEY`; an unknown key gets a GraphQL error with code
 * UNAUTHENTICATED and no data, a known one gets the customers page.
 */
export async function startStiggStandIn(validKeys: string[]) {
  const received: { apiKey: string | undefined; query: string }[] = [];
  const server = createServer(async (req, res) => {
    const body = JSON.parse(await readBody(req)) as { query?: string };
    const apiKey = req.headers["x-api-key"] as string | undefined;
    received.push({ apiKey, query: body.query ?? "" });
    const reply = (payload: unknown) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(payload));
    if (!apiKey || !validKeys.includes(apiKey)) {
      return reply({ data: null, errors: [{ message: "Unauthorized", extensions: { code: "UNAUTHENTICATED" } }] });
    }
    if (!/\bcustomers\s*\(/.test(body.query ?? "")) {
      return reply({ data: null, errors: [{ message: "Cannot query this field", extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }] });
    }
    return reply({ data: { customers: { totalCount: 3 } } });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
