import type { Readable } from 'node:stream';

/** Narrows a stream chunk to a Buffer; object bodies are bytes, a string chunk means a stream in text mode. */
export function toBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (typeof chunk === 'string') return Buffer.from(chunk);
  throw new TypeError('Object bodies must stream bytes');
}

/** Reads a whole stream into memory; only for bodies known to be small (one multipart part). */
export async function readAll(body: Readable): Promise<Buffer> {
  const buffers: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<unknown>) buffers.push(toBuffer(chunk));
  return Buffer.concat(buffers);
}
