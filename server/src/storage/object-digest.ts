import { createHash } from 'node:crypto';
import type { ObjectStorage } from './object-storage';

export interface ObjectDigest {
  sha256: string;
  size: number;
  /** The first `headBytes` bytes (for sniffing the type). */
  head: Buffer;
}

/** Streams a stored object once (memory stays flat): its SHA-256 as stored, its size and its first `headBytes` bytes. */
export async function digestObject(storage: ObjectStorage, key: string, headBytes = 0): Promise<ObjectDigest> {
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  for await (const chunk of await storage.get(key)) {
    const buffer = chunk as Buffer;
    hash.update(buffer);
    size += buffer.length;
    if (headLength < headBytes) {
      const piece = buffer.subarray(0, headBytes - headLength);
      head.push(piece);
      headLength += piece.length;
    }
  }
  return { sha256: hash.digest('hex'), size, head: Buffer.concat(head) };
}
