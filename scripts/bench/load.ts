// HTTP load with autocannon, from the bench's process (never the server's).
import autocannon from "autocannon";

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  /** Answers with another status than the one expected. */
  unexpected: number;
  errors: number;
}

export async function load(options: {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
  expectStatus: number;
}): Promise<LoadResult> {
  let unexpected = 0;
  const result = await autocannon({
    url: options.url,
    headers: options.headers,
    connections: options.connections,
    duration: options.seconds,
    setupClient: (client) => {
      client.on("response", (status: number) => {
        if (status !== options.expectStatus) unexpected++;
      });
    },
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    unexpected,
    errors: result.errors + result.timeouts,
  };
}
