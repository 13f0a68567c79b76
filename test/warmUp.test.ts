import { expect, it, vi } from "vitest";
import { warmUpFetch } from "@/server/warmUp";

// The warm-up runs in every server's start: it must leave nothing open behind it (a
// listening socket, a kept-alive connection) that would hold the process or a port.
it("fetches once from a loopback server of its own and leaves no socket open", async () => {
  const open = () => process.getActiveResourcesInfo().filter((r) => r === "TCPServerWrap" || r === "TCPSocketWrap").length;
  const before = open();
  await warmUpFetch();
  // Node lists a closed handle until its close has run on the loop: a ceiling, not a timing.
  await vi.waitFor(() => expect(open()).toBe(before), { timeout: 10_000 });
});
