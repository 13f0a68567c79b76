import { createServer, type Server, type Socket, connect } from "node:net";

/*
 * A loopback TCP proxy in front of PostgreSQL that the test switches between three states:
 * "closed" (nothing listens: connections are refused), "forward" (a plain pipe) and
 * "hung" (connections are accepted, and nothing they send is answered; open pipes stop).
 */
export type ProxyState = "closed" | "forward" | "hung";

export class TcpProxy {
  private server: Server | undefined;
  private readonly pairs = new Set<[Socket, Socket | undefined]>();
  state: ProxyState = "closed";

  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  async set(state: ProxyState): Promise<void> {
    if (state === "closed") {
      await this.close();
    } else if (!this.server) {
      this.server = createServer((client) => this.accept(client));
      await new Promise<void>((resolve, reject) => {
        this.server!.once("error", reject);
        this.server!.listen(this.port, "127.0.0.1", resolve);
      });
    }
    if (state === "hung") {
      // Open connections stop answering too: the server's pooled connections hang.
      for (const [client, upstream] of this.pairs) {
        client.unpipe();
        upstream?.unpipe();
        client.pause();
        upstream?.pause();
      }
    }
    this.state = state;
  }

  private accept(client: Socket) {
    client.on("error", () => {});
    if (this.state !== "forward") {
      // Accept and say nothing, as a wedged server does.
      const pair: [Socket, undefined] = [client, undefined];
      this.pairs.add(pair);
      client.pause();
      client.on("close", () => this.pairs.delete(pair));
      return;
    }
    const upstream = connect(this.target.port, this.target.host);
    upstream.on("error", () => client.destroy());
    const pair: [Socket, Socket] = [client, upstream];
    this.pairs.add(pair);
    client.pipe(upstream);
    upstream.pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      this.pairs.delete(pair);
    };
    client.on("close", drop);
    upstream.on("close", drop);
  }

  async close(): Promise<void> {
    for (const [client, upstream] of this.pairs) {
      client.destroy();
      upstream?.destroy();
    }
    this.pairs.clear();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
