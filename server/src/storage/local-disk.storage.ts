import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { toBuffer } from './bytes';
import { PartPerRequestWriter, type MultipartWriter } from './multipart-writer';
import { assertByteRange, assertConsecutiveParts, assertObjectKey } from './object-key';
import { ObjectNotFoundError, type ByteRange, type ObjectStat, type ObjectStorage, type StoredPart } from './object-storage';

/** Ids this adapter hands out for multipart uploads; checked again on use because they name files. */
const MULTIPART_ID = /^[0-9a-f]{32}$/;

/** What a multipart upload has durably stored so far, kept next to its data file. */
interface MultipartManifest {
  key: string;
  /** Sizes of parts 1..n, in order; a part is listed only once its bytes are fsynced. */
  sizes: number[];
}

/**
 * Objects as files under `rootDir`, sharded by the first two characters of the key so that no
 * directory grows huge. Every write lands in a temporary file that is fsynced and then renamed, so
 * a crash leaves either the old state or the new one, never a torn object.
 */
export class LocalDiskStorage implements ObjectStorage {
  readonly driver = 'local' as const;
  /** Parts are appended to one file, so they may have any size. */
  readonly minPartSize = 0;

  private readonly multipartDir: string;
  /** putPart/complete/abort of the same upload run one at a time: they truncate and append one file. */
  private readonly uploadLocks = new Map<string, Promise<void>>();

  constructor(private readonly rootDir: string) {
    // Keys start with a letter or digit, so `.multipart` can never collide with a shard directory.
    this.multipartDir = join(rootDir, '.multipart');
  }

  async init(): Promise<void> {
    await mkdir(this.multipartDir, { recursive: true });
  }

  async put(key: string, body: Readable): Promise<ObjectStat> {
    assertObjectKey(key);
    const dir = this.shardDir(key);
    await mkdir(dir, { recursive: true });
    // A leading dot cannot start a key, so a temporary file never shadows an object.
    const temp = join(dir, `.${key}.${randomBytes(8).toString('hex')}.tmp`);
    let handle: FileHandle | undefined;
    try {
      handle = await open(temp, 'wx');
      const size = await writeAll(handle, body, 0);
      await handle.sync();
      await handle.close();
      handle = undefined;
      await rename(temp, this.objectPath(key));
      await syncDir(dir);
      return { size };
    } catch (error) {
      await handle?.close().catch(() => undefined);
      await rm(temp, { force: true });
      throw error;
    }
  }

  async get(key: string, range?: ByteRange): Promise<Readable> {
    assertObjectKey(key);
    if (range) assertByteRange(range);
    let handle: FileHandle;
    try {
      handle = await open(this.objectPath(key), 'r');
    } catch (error) {
      if (hasCode(error, 'ENOENT')) throw new ObjectNotFoundError(key);
      throw error;
    }
    // The stream owns the handle from here and closes it when it ends, fails or is destroyed.
    return handle.createReadStream(range ? { start: range.start, end: range.end } : {});
  }

  async stat(key: string): Promise<ObjectStat | null> {
    assertObjectKey(key);
    try {
      return { size: (await stat(this.objectPath(key))).size };
    } catch (error) {
      if (hasCode(error, 'ENOENT')) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertObjectKey(key);
    await rm(this.objectPath(key), { force: true });
  }

  async createMultipart(key: string): Promise<string> {
    assertObjectKey(key);
    const id = randomBytes(16).toString('hex');
    const handle = await open(this.multipartData(id), 'wx');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await this.writeManifest(id, { key, sizes: [] });
    return id;
  }

  async putPart(key: string, multipartId: string, partNumber: number, body: Buffer | Readable, size: number): Promise<StoredPart> {
    assertObjectKey(key);
    assertMultipartId(multipartId);
    if (!Number.isSafeInteger(partNumber) || partNumber < 1) throw new RangeError(`Invalid part number ${partNumber}`);
    if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`Invalid part size ${size}`);
    return this.exclusive(multipartId, async () => {
      const manifest = await this.readManifest(key, multipartId);
      if (partNumber > manifest.sizes.length + 1) throw new Error(`Part ${partNumber} of upload ${multipartId} comes before part ${manifest.sizes.length + 1}`);
      // The parts before this one are durable; whatever follows them (a part cut short by a crash,
      // or an earlier attempt of this very part) is dropped before writing.
      const offset = sum(manifest.sizes.slice(0, partNumber - 1));
      const handle = await open(this.multipartData(multipartId), 'r+');
      try {
        await handle.truncate(offset);
        const written = await writeAll(handle, body, offset);
        if (written !== size) {
          await handle.truncate(offset);
          throw new Error(`Part ${partNumber} of upload ${multipartId} has ${written} bytes, ${size} announced`);
        }
        await handle.sync();
      } finally {
        await handle.close();
      }
      // Only now is the part listed: a crash before this line makes a retry truncate it away.
      await this.writeManifest(multipartId, { key, sizes: [...manifest.sizes.slice(0, partNumber - 1), size] });
      return { partNumber, etag: `${partNumber}-${size}`, size };
    });
  }

  async completeMultipart(key: string, multipartId: string, parts: StoredPart[]): Promise<ObjectStat> {
    assertObjectKey(key);
    assertMultipartId(multipartId);
    assertConsecutiveParts(parts);
    return this.exclusive(multipartId, async () => {
      const manifest = await this.readManifest(key, multipartId);
      const matches = manifest.sizes.length === parts.length && parts.every((part, i) => part.size === manifest.sizes[i] && part.etag === `${part.partNumber}-${part.size}`);
      if (!matches) throw new Error(`The parts given do not match the parts stored for upload ${multipartId}`);
      const size = sum(manifest.sizes);
      const data = this.multipartData(multipartId);
      const actual = (await stat(data)).size;
      if (actual !== size) throw new Error(`Upload ${multipartId} holds ${actual} bytes, its parts ${size}`);
      const dir = this.shardDir(key);
      await mkdir(dir, { recursive: true });
      // Same file system, so a rename: the parts were already appended in place, nothing is copied.
      await rename(data, this.objectPath(key));
      await syncDir(dir);
      await rm(this.multipartManifest(multipartId), { force: true });
      await syncDir(this.multipartDir);
      return { size };
    });
  }

  async abortMultipart(key: string, multipartId: string): Promise<void> {
    assertObjectKey(key);
    assertMultipartId(multipartId);
    return this.exclusive(multipartId, async () => {
      await rm(this.multipartData(multipartId), { force: true });
      await rm(this.multipartManifest(multipartId), { force: true });
    });
  }

  /** Parts of any size: each request's body is appended in place, nothing is staged. */
  multipartWriter(): MultipartWriter {
    return new PartPerRequestWriter(this);
  }

  private shardDir(key: string): string {
    return join(this.rootDir, key.slice(0, 2));
  }

  private objectPath(key: string): string {
    return join(this.shardDir(key), key);
  }

  private multipartData(id: string): string {
    return join(this.multipartDir, id);
  }

  private multipartManifest(id: string): string {
    return join(this.multipartDir, `${id}.json`);
  }

  private async readManifest(key: string, id: string): Promise<MultipartManifest> {
    let text: string;
    try {
      text = await readFile(this.multipartManifest(id), 'utf8');
    } catch (error) {
      if (hasCode(error, 'ENOENT')) throw new Error(`Multipart upload ${id} does not exist`);
      throw error;
    }
    const parsed: unknown = JSON.parse(text);
    if (!isManifest(parsed)) throw new Error(`Multipart upload ${id} has an unreadable manifest`);
    // An upload id belongs to one key, as on S3.
    if (parsed.key !== key) throw new Error(`Multipart upload ${id} is not an upload of ${key}`);
    return parsed;
  }

  private async writeManifest(id: string, manifest: MultipartManifest): Promise<void> {
    const target = this.multipartManifest(id);
    const temp = `${target}.${randomBytes(8).toString('hex')}.tmp`;
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(JSON.stringify(manifest));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
    await syncDir(this.multipartDir);
  }

  private async exclusive<T>(id: string, task: () => Promise<T>): Promise<T> {
    const previous = this.uploadLocks.get(id) ?? Promise.resolve();
    const run = previous.then(task);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.uploadLocks.set(id, tail);
    try {
      return await run;
    } finally {
      if (this.uploadLocks.get(id) === tail) this.uploadLocks.delete(id);
    }
  }
}

function assertMultipartId(id: string): void {
  if (!MULTIPART_ID.test(id)) throw new Error(`Invalid multipart upload id ${JSON.stringify(id)}`);
}

/** Writes a buffer or every chunk of a stream at `position` onwards; returns the bytes written. */
/** Writes are gathered to about this size: one syscall per network chunk (16-64 KiB) would cap throughput. */
const WRITE_BATCH = 1024 * 1024;

async function writeAll(handle: FileHandle, body: Buffer | Readable, position: number): Promise<number> {
  let written = 0;
  let pending: Buffer[] = [];
  let pendingLength = 0;
  const flush = async () => {
    let buffer = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingLength);
    pending = [];
    pendingLength = 0;
    while (buffer.length > 0) {
      const { bytesWritten } = await handle.write(buffer, 0, buffer.length, position + written);
      written += bytesWritten;
      buffer = buffer.subarray(bytesWritten);
    }
  };
  const chunks: AsyncIterable<unknown> | Iterable<Buffer> = Buffer.isBuffer(body) ? [body] : body;
  // Awaiting each batch is the back-pressure: the stream is read no faster than the disk takes it.
  for await (const chunk of chunks) {
    const buffer = toBuffer(chunk);
    pending.push(buffer);
    pendingLength += buffer.length;
    if (pendingLength >= WRITE_BATCH) await flush();
  }
  if (pendingLength > 0) await flush();
  return written;
}

/** Makes a rename in `dir` durable; platforms that cannot fsync a directory skip it. */
async function syncDir(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (!hasCode(error, 'EISDIR') && !hasCode(error, 'EPERM') && !hasCode(error, 'EINVAL')) throw error;
  } finally {
    await handle?.close();
  }
}

function hasCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}

function isManifest(value: unknown): value is MultipartManifest {
  if (typeof value !== 'object' || value === null) return false;
  const { key, sizes } = value as Record<string, unknown>;
  return typeof key === 'string' && Array.isArray(sizes) && sizes.every((s) => Number.isSafeInteger(s) && s >= 0);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
