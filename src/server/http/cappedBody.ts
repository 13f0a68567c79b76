/**
 * Reads a request body up to a cap. The stream itself is counted: Content-Length may be
 * absent (chunked) or lie, so it can only refuse early, never vouch for a body.
 */
export class BodyTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`The request body is larger than ${maxBytes} bytes.`);
    this.name = "BodyTooLarge";
  }
}

export async function readBytesCapped(req: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw new BodyTooLarge(maxBytes);
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new BodyTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export async function readTextCapped(req: Request, maxBytes: number): Promise<string> {
  return new TextDecoder().decode(await readBytesCapped(req, maxBytes));
}

/** A form (urlencoded or multipart) read within the cap; undefined when it isn't a form. */
export async function readFormCapped(req: Request, maxBytes: number): Promise<FormData | undefined> {
  const bytes = await readBytesCapped(req, maxBytes);
  const type = req.headers.get("content-type") ?? "";
  return new Response(new Uint8Array(bytes), { headers: { "content-type": type } }).formData().catch(() => undefined);
}

/** 413 for an oversized body; anything else the reader threw is the caller's to handle. */
export function payloadTooLarge(err: BodyTooLarge): Response {
  return Response.json({ error: err.message }, { status: 413, headers: { "cache-control": "no-store" } });
}

/** The body as JSON (undefined when it isn't), or a 413 response when it is over the cap. */
export async function readJsonCapped(req: Request, maxBytes: number): Promise<{ json: unknown } | Response> {
  try {
    const text = await readTextCapped(req, maxBytes);
    try {
      return { json: JSON.parse(text) as unknown };
    } catch {
      return { json: undefined };
    }
  } catch (err) {
    if (err instanceof BodyTooLarge) return payloadTooLarge(err);
    throw err;
  }
}
