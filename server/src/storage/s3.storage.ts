import { Client } from 'minio';
import { Readable } from 'node:stream';
import { readAll, toBuffer } from './bytes';
import { StagedPartWriter, type MultipartWriter } from './multipart-writer';
import { assertByteRange, assertConsecutiveParts, assertObjectKey } from './object-key';
import { ObjectNotFoundError, type ByteRange, type ObjectStat, type ObjectStorage, type StoredPart } from './object-storage';
import type { UploadStaging } from './upload-staging';

export interface S3StorageOptions {
  /** Base URL, e.g. http://minio:9000; `https:` turns TLS on. */
  endpoint: string;
  region: string;
  accessKey: string;
  secretKey: string;
  bucket: string;
}

/** S3's floor for every part but the last of a multipart upload. */
const S3_MIN_PART_SIZE = 5 * 1024 * 1024;

/**
 * Size of the parts `put` cuts a stream of unknown length into. minio's own putObject, given no
 * size, buffers parts of ~560 MiB (5 TiB / 10 000 parts) and resumes any unfinished upload of the
 * same key it finds on the server, which could be one of ours; cutting the stream here bounds
 * memory to about one part and keeps uploads independent.
 */
const PUT_PART_SIZE = 8 * 1024 * 1024;

/** Objects in one bucket of an S3-compatible server (MinIO in production, s3rver in tests). */
export class S3Storage implements ObjectStorage {
  readonly driver = 's3' as const;
  readonly minPartSize = S3_MIN_PART_SIZE;

  private readonly client: Client;
  private readonly bucket: string;
  private readonly region: string;

  constructor(options: S3StorageOptions) {
    const url = new URL(options.endpoint);
    const useSSL = url.protocol === 'https:';
    this.client = new Client({
      endPoint: url.hostname,
      port: url.port ? Number(url.port) : useSSL ? 443 : 80,
      useSSL,
      accessKey: options.accessKey,
      secretKey: options.secretKey,
      region: options.region,
      // MinIO behind a compose service name has no per-bucket DNS names.
      pathStyle: true,
    });
    this.bucket = options.bucket;
    this.region = options.region;
  }

  async init(): Promise<void> {
    if (await this.client.bucketExists(this.bucket)) return;
    try {
      await this.client.makeBucket(this.bucket, this.region);
    } catch (error) {
      // Another server instance may have created it between the two calls.
      if (!hasCode(error, 'BucketAlreadyOwnedByYou') && !hasCode(error, 'BucketAlreadyExists')) throw error;
    }
  }

  async put(key: string, body: Readable): Promise<ObjectStat> {
    assertObjectKey(key);
    const chunks = chunksOf(body, PUT_PART_SIZE);
    try {
      const first = await chunks.next();
      if (first.done) {
        await this.client.putObject(this.bucket, key, Buffer.alloc(0), 0);
        return { size: 0 };
      }
      // A short first chunk is the whole body: one plain PUT. A full one may be followed by more, so
      // it starts a multipart upload (a single-part upload is valid if nothing follows).
      if (first.value.length < PUT_PART_SIZE) {
        await this.client.putObject(this.bucket, key, first.value, first.value.length);
        return { size: first.value.length };
      }
      return await this.putInParts(key, first.value, chunks);
    } finally {
      // Stops reading (and destroys) the body when an upload failed half-way.
      await chunks.return(undefined);
    }
  }

  async get(key: string, range?: ByteRange): Promise<Readable> {
    assertObjectKey(key);
    if (range) assertByteRange(range);
    try {
      if (!range) return await this.client.getObject(this.bucket, key);
      const length = range.end - range.start + 1;
      return Readable.from(takeBytes(await this.client.getPartialObject(this.bucket, key, range.start, length), length));
    } catch (error) {
      if (isNotFound(error)) throw new ObjectNotFoundError(key);
      throw error;
    }
  }

  async stat(key: string): Promise<ObjectStat | null> {
    assertObjectKey(key);
    try {
      const { size } = await this.client.statObject(this.bucket, key);
      return { size };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertObjectKey(key);
    try {
      await this.client.removeObject(this.bucket, key);
    } catch (error) {
      // S3 answers 204 for a missing key; some compatible servers answer NoSuchKey instead.
      if (!isNotFound(error)) throw error;
    }
  }

  async createMultipart(key: string): Promise<string> {
    assertObjectKey(key);
    return this.client.initiateNewMultipartUpload(this.bucket, key, {});
  }

  async putPart(key: string, multipartId: string, partNumber: number, body: Buffer | Readable, size: number): Promise<StoredPart> {
    assertObjectKey(key);
    if (!Number.isSafeInteger(partNumber) || partNumber < 1 || partNumber > 10000) throw new RangeError(`Invalid part number ${partNumber}`);
    // minio's uploadPart takes a Buffer; our parts are at most 64 MiB.
    const payload = Buffer.isBuffer(body) ? body : await readAll(body);
    if (payload.length !== size) throw new Error(`Part ${partNumber} of upload ${multipartId} has ${payload.length} bytes, ${size} announced`);
    const { etag } = await this.client.uploadPart({ bucketName: this.bucket, objectName: key, uploadID: multipartId, partNumber, headers: {} }, payload);
    return { partNumber, etag, size };
  }

  async completeMultipart(key: string, multipartId: string, parts: StoredPart[]): Promise<ObjectStat> {
    assertObjectKey(key);
    assertConsecutiveParts(parts);
    await this.client.completeMultipartUpload(
      this.bucket,
      key,
      multipartId,
      parts.map((p) => ({ part: p.partNumber, etag: p.etag })),
    );
    const { size } = await this.client.statObject(this.bucket, key);
    return { size };
  }

  /** s3rver answers MethodNotAllowed; the error propagates and callers retry later. */
  async abortMultipart(key: string, multipartId: string): Promise<void> {
    assertObjectKey(key);
    await this.client.abortMultipartUpload(this.bucket, key, multipartId);
  }

  /** Parts of at least 5 MiB: what a request leaves under a part waits in `staging` for the next. */
  multipartWriter(staging: UploadStaging): MultipartWriter {
    return new StagedPartWriter(this, staging);
  }

  private async putInParts(key: string, first: Buffer, rest: AsyncIterator<Buffer>): Promise<ObjectStat> {
    const uploadId = await this.client.initiateNewMultipartUpload(this.bucket, key, {});
    try {
      const parts: StoredPart[] = [];
      const upload = async (chunk: Buffer) => parts.push(await this.putPart(key, uploadId, parts.length + 1, chunk, chunk.length));
      await upload(first);
      for (let next = await rest.next(); !next.done; next = await rest.next()) await upload(next.value);
      return await this.completeMultipart(key, uploadId, parts);
    } catch (error) {
      // Best effort: where abort is unsupported the parts stay until the bucket's lifecycle rules drop them.
      await this.client.abortMultipartUpload(this.bucket, key, uploadId).catch(() => undefined);
      throw error;
    }
  }
}

/**
 * Passes on at most `length` bytes. Some S3-compatible servers read `Range: bytes=0-0` as "from 0 to
 * the end" (s3rver does), so the adapter never relies on the server to stop at the range's end.
 * Returning early ends the loop, which destroys the response and stops the download.
 */
async function* takeBytes(source: Readable, length: number): AsyncGenerator<Buffer, void, undefined> {
  let remaining = length;
  for await (const chunk of source as AsyncIterable<unknown>) {
    const buffer = toBuffer(chunk);
    if (buffer.length >= remaining) {
      yield buffer.subarray(0, remaining);
      return;
    }
    remaining -= buffer.length;
    yield buffer;
  }
}

/** Cuts a byte stream into buffers of exactly `size` bytes, the last one shorter. */
async function* chunksOf(body: Readable, size: number): AsyncGenerator<Buffer, void, undefined> {
  let pending: Buffer[] = [];
  let pendingLength = 0;
  for await (const chunk of body as AsyncIterable<unknown>) {
    let buffer = toBuffer(chunk);
    while (pendingLength + buffer.length >= size) {
      const take = size - pendingLength;
      pending.push(buffer.subarray(0, take));
      yield Buffer.concat(pending, size);
      pending = [];
      pendingLength = 0;
      buffer = buffer.subarray(take);
    }
    if (buffer.length > 0) {
      pending.push(buffer);
      pendingLength += buffer.length;
    }
  }
  if (pendingLength > 0) yield Buffer.concat(pending, pendingLength);
}

function hasCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}

/** HEAD requests carry no body, so a missing object is `NotFound` there and `NoSuchKey` elsewhere. */
function isNotFound(error: unknown): boolean {
  return hasCode(error, 'NoSuchKey') || hasCode(error, 'NotFound');
}
