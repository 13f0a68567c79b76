// The V8 options the production server runs with, for `npm start` and the bench alike.
//
// Under load V8 lets the old generation grow far past what is live before it collects:
// the host's RSS went from ~240 MB idle to ~370 MB (PostgreSQL) and ~600 MB (PGlite) at
// c=32. A 256 MB old generation held both near idle (~250 MB, ~470 MB) at the same
// throughput, measured with the bench's load. The live heap is far below it (the request
// path's caches are bounded); a NODE_OPTIONS of your own comes after, so it wins.
export const SERVER_HEAP_OPTIONS = "--max-old-space-size=256";

/** NODE_OPTIONS for the server: ours first, then whatever the environment sets. */
export function serverNodeOptions(existing = process.env.NODE_OPTIONS) {
  return [SERVER_HEAP_OPTIONS, existing].filter(Boolean).join(" ");
}
