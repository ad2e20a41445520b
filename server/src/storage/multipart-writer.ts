import type { Readable } from 'node:stream';
import type { ObjectStorage, StoredPart } from './object-storage';
import type { UploadStaging } from './upload-staging';

const MIB = 1024 * 1024;
/** S3 allows 10,000 parts; parts grow with the file so any size fits. */
export const partSizeFor = (length: number, minPartSize: number) => Math.max(minPartSize, 8 * MIB, Math.ceil(length / 9000));
const sum = (parts: StoredPart[]) => parts.reduce((total, p) => total + p.size, 0);

/** A multipart upload as recorded after its last request: what the next request continues. */
export interface MultipartUpload {
  /** Names the upload's staging files. */
  id: string;
  objectKey: string;
  multipartId: string;
  /** The whole object's size, declared at creation. */
  length: number;
  /** Bytes durably received: parts stored plus bytes staged for the next part. */
  offset: number;
  parts: StoredPart[];
}

export type MultipartProgress = Pick<MultipartUpload, 'offset' | 'parts'>;

/**
 * How one request's bytes of a multipart upload reach storage; each adapter provides the writer
 * its parts need (`ObjectStorage.multipartWriter`), so callers never branch on the adapter.
 */
export interface MultipartWriter {
  /** Writes `body` (`size` bytes announced) after what `upload` holds; durable when it resolves. */
  append(upload: MultipartUpload, body: Readable, size: number): Promise<MultipartProgress>;
  /** Once the caller has recorded `progress`: drops staged bytes that are now stored parts. */
  recorded(uploadId: string, progress: MultipartProgress): Promise<void>;
  /** Drops whatever is staged for an upload that is complete or abandoned. */
  discard(uploadId: string): Promise<void>;
}

/** Parts of any size (local disk): the request body is the next part, streamed straight to its place. */
export class PartPerRequestWriter implements MultipartWriter {
  constructor(private readonly storage: Pick<ObjectStorage, 'putPart'>) {}

  async append(upload: MultipartUpload, body: Readable, size: number): Promise<MultipartProgress> {
    if (size === 0) return { offset: upload.offset, parts: upload.parts };
    const part = await this.storage.putPart(upload.objectKey, upload.multipartId, upload.parts.length + 1, body, size);
    const parts = [...upload.parts, part];
    return { offset: sum(parts), parts };
  }

  /** Nothing is ever staged. */
  async recorded(): Promise<void> {}

  async discard(): Promise<void> {}
}

/**
 * Parts with a floor (S3: at least 5 MiB). Bytes are gathered in memory into parts of `partSize`
 * (bounded memory) and sent as they fill; what is left under a part at the end of the request is
 * written to a small staging file, fsynced, and becomes the start of the next request's first part.
 */
export class StagedPartWriter implements MultipartWriter {
  constructor(
    private readonly storage: Pick<ObjectStorage, 'minPartSize' | 'putPart'>,
    private readonly staging: UploadStaging,
  ) {}

  async append(upload: MultipartUpload, body: Readable): Promise<MultipartProgress> {
    const nextPart = upload.parts.length + 1;
    const stagedBefore = upload.offset - sum(upload.parts);
    const partSize = partSizeFor(upload.length, this.storage.minPartSize);
    const parts = [...upload.parts];
    let pending: Buffer[] = stagedBefore > 0 ? [await this.staging.read(upload.id, nextPart, 0, stagedBefore)] : [];
    let pendingLength = stagedBefore;
    // One part travels to storage while the next one fills: receiving and sending overlap, and
    // memory stays at about two parts.
    let inFlight: Promise<void> = Promise.resolve();
    const send = async (bytes: Buffer) => {
      await inFlight;
      const partNumber = parts.length + 1;
      parts.push({ partNumber, etag: '', size: bytes.length });
      inFlight = this.storage.putPart(upload.objectKey, upload.multipartId, partNumber, bytes, bytes.length).then((stored) => {
        parts[partNumber - 1] = stored;
      });
    };
    try {
      for await (const chunk of body) {
        const buffer = chunk as Buffer;
        pending.push(buffer);
        pendingLength += buffer.length;
        while (pendingLength >= partSize) {
          const all = Buffer.concat(pending, pendingLength);
          await send(all.subarray(0, partSize));
          pending = [all.subarray(partSize)];
          pendingLength -= partSize;
        }
      }
    } finally {
      // A part still travelling must settle before the request ends, whatever happened.
      await inFlight.catch(() => undefined);
    }
    await inFlight;
    const offset = sum(parts) + pendingLength;
    const rest = Buffer.concat(pending, pendingLength);
    if (offset === upload.length && rest.length > 0) await send(rest);
    else if (rest.length > 0) await this.staging.write(upload.id, parts.length + 1, rest);
    await inFlight;
    return { offset, parts };
  }

  recorded(uploadId: string, progress: MultipartProgress): Promise<void> {
    return this.staging.discardBefore(uploadId, progress.parts.length + 1);
  }

  discard(uploadId: string): Promise<void> {
    return this.staging.discard(uploadId);
  }
}
