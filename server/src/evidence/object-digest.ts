import { createHash } from 'node:crypto';
import type { ObjectStorage } from '../storage/object-storage';
import { SNIFF_BYTES } from './sniff';

export interface ObjectDigest {
  sha256: string;
  size: number;
  /** The first bytes, for sniffing the type. */
  head: Buffer;
}

/** Streams a stored object once (memory stays flat): its SHA-256 as stored, its size and its first bytes. */
export async function digestObject(storage: ObjectStorage, key: string): Promise<ObjectDigest> {
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  for await (const chunk of await storage.get(key)) {
    const buffer = chunk as Buffer;
    hash.update(buffer);
    size += buffer.length;
    if (headLength < SNIFF_BYTES) {
      const piece = buffer.subarray(0, SNIFF_BYTES - headLength);
      head.push(piece);
      headLength += piece.length;
    }
  }
  return { sha256: hash.digest('hex'), size, head: Buffer.concat(head) };
}
