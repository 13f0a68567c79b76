import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { serverNodeOptions } from "../scripts/serverFlags.mjs";

/** The old generation's limit, in MB, of a Node started with these NODE_OPTIONS. */
function heapLimitMb(nodeOptions: string): number {
  const out = execFileSync(process.execPath, ["-e", "console.log(require('v8').getHeapStatistics().heap_size_limit)"], {
    env: { ...process.env, NODE_OPTIONS: nodeOptions },
  });
  return Number(out) / 1024 / 1024;
}

describe("the production server's V8 options", () => {
  it("cap the heap near the host's working set", () => {
    expect(heapLimitMb(serverNodeOptions(""))).toBeLessThan(400);
  });

  it("let a NODE_OPTIONS of the deployer's own win", () => {
    expect(heapLimitMb(serverNodeOptions("--max-old-space-size=1024"))).toBeGreaterThan(1000);
  });
});
