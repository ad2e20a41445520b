import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { readAll } from '../src/storage/bytes';
import { LocalDiskStorage } from '../src/storage/local-disk.storage';
import { ObjectNotFoundError, type ObjectStorage, type StoredPart } from '../src/storage/object-storage';
import { S3Storage } from '../src/storage/s3.storage';
import { startS3TestServer } from './s3-test-server';

const MiB = 1024 * 1024;

interface Subject {
  storage: ObjectStorage;
  close(): Promise<void>;
}

const adapters: [string, () => Promise<Subject>][] = [
  [
    'local disk',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'jit-objects-'));
      const storage = new LocalDiskStorage(dir);
      await storage.init();
      return { storage, close: () => rm(dir, { recursive: true, force: true }) };
    },
  ],
  [
    'S3 (minio client against s3rver)',
    async () => {
      const server = await startS3TestServer();
      const storage = new S3Storage({ endpoint: server.endpoint, region: 'us-east-1', accessKey: server.accessKey, secretKey: server.secretKey, bucket: server.bucket });
      await storage.init();
      // A second init finds the bucket and leaves it alone, as a restarted server would.
      await storage.init();
      return { storage, close: () => server.close() };
    },
  ],
];

/**
 * A full garbage collection on demand, so that a memory sample counts live buffers only, not ones
 * awaiting collection (without it the 64 MiB test's measure is noise).
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  if (typeof gc !== 'function') throw new Error('gc is not available');
  (gc as () => void)();
}

let keyCounter = 0;
const newKey = () => `obj-${process.pid}-${Date.now().toString(36)}-${(keyCounter++).toString(36)}`;
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

async function hashStream(stream: Readable): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { size, sha256: hash.digest('hex') };
}

/** A stream that yields `bytes` then fails, as a client connection dropped mid-part would. */
function failingAfter(bytes: Buffer): Readable {
  let sent = false;
  return new Readable({
    read() {
      if (!sent) {
        sent = true;
        this.push(bytes);
      } else {
        this.destroy(new Error('connection reset'));
      }
    },
  });
}

describe.each(adapters)('object storage contract: %s', (_name, open) => {
  let subject: Subject;
  let storage: ObjectStorage;

  beforeAll(async () => {
    subject = await open();
    storage = subject.storage;
  });
  afterAll(async () => {
    await subject?.close();
  });

  it('gives back exactly the bytes it was given', async () => {
    const key = newKey();
    const data = randomBytes(MiB);
    await expect(storage.put(key, Readable.from([data]))).resolves.toEqual({ size: MiB });
    expect((await readAll(await storage.get(key))).equals(data)).toBe(true);
  });

  it('serves inclusive byte ranges exactly', async () => {
    const key = newKey();
    const data = randomBytes(MiB);
    await storage.put(key, Readable.from([data]));
    for (const [start, end] of [
      [0, 0],
      [MiB - 1, MiB - 1],
      [1000, 54321],
      [0, MiB - 1],
    ]) {
      const bytes = await readAll(await storage.get(key, { start, end }));
      expect(bytes.equals(data.subarray(start, end + 1))).toBe(true);
    }
  });

  it('stats the size of an object, and null for a missing one', async () => {
    const key = newKey();
    await storage.put(key, Readable.from([randomBytes(4321)]));
    await expect(storage.stat(key)).resolves.toEqual({ size: 4321 });
    await expect(storage.stat(newKey())).resolves.toBeNull();
  });

  it('stores an empty object', async () => {
    const key = newKey();
    await expect(storage.put(key, Readable.from([]))).resolves.toEqual({ size: 0 });
    await expect(storage.stat(key)).resolves.toEqual({ size: 0 });
  });

  it('rejects a read of a missing object with ObjectNotFoundError', async () => {
    await expect(storage.get(newKey())).rejects.toBeInstanceOf(ObjectNotFoundError);
    await expect(storage.get(newKey(), { start: 0, end: 10 })).rejects.toBeInstanceOf(ObjectNotFoundError);
  });

  it('deletes objects, and deleting a missing one is fine', async () => {
    const key = newKey();
    await storage.put(key, Readable.from([randomBytes(100)]));
    await storage.delete(key);
    await expect(storage.stat(key)).resolves.toBeNull();
    await expect(storage.delete(key)).resolves.toBeUndefined();
    await expect(storage.delete(newKey())).resolves.toBeUndefined();
  });

  it('replaces an object put twice under the same key', async () => {
    const key = newKey();
    await storage.put(key, Readable.from([randomBytes(5000)]));
    const second = randomBytes(300);
    await storage.put(key, Readable.from([second]));
    expect((await readAll(await storage.get(key))).equals(second)).toBe(true);
  });

  it('assembles a multipart upload in order', async () => {
    const key = newKey();
    const partSize = Math.max(storage.minPartSize, 5 * MiB);
    const parts = [randomBytes(partSize), randomBytes(partSize), randomBytes(123)];
    const whole = Buffer.concat(parts);
    const id = await storage.createMultipart(key);
    const stored: StoredPart[] = [];
    // Parts go in as a Buffer and as streams: both are accepted.
    stored.push(await storage.putPart(key, id, 1, parts[0], parts[0].length));
    stored.push(await storage.putPart(key, id, 2, Readable.from([parts[1].subarray(0, 1000), parts[1].subarray(1000)]), parts[1].length));
    stored.push(await storage.putPart(key, id, 3, parts[2], parts[2].length));
    expect(stored.map((p) => [p.partNumber, p.size])).toEqual([
      [1, partSize],
      [2, partSize],
      [3, 123],
    ]);
    expect(stored.every((p) => p.etag.length > 0)).toBe(true);

    await expect(storage.completeMultipart(key, id, stored)).resolves.toEqual({ size: whole.length });
    const bytes = await readAll(await storage.get(key));
    expect(bytes.equals(whole)).toBe(true);
    await expect(hashStream(await storage.get(key))).resolves.toEqual({ size: whole.length, sha256: sha256(whole) });
  });

  it('keeps the retried attempt of a part that failed, or was sent again', async () => {
    const key = newKey();
    const partSize = Math.max(storage.minPartSize, 5 * MiB);
    const parts = [randomBytes(partSize), randomBytes(partSize), randomBytes(77)];
    const id = await storage.createMultipart(key);
    const stored: StoredPart[] = [await storage.putPart(key, id, 1, parts[0], partSize)];
    // Dropped mid-part: half of part 2 arrives, then the body fails.
    await expect(storage.putPart(key, id, 2, failingAfter(parts[1].subarray(0, partSize / 2)), partSize)).rejects.toThrow('connection reset');
    // A body shorter than announced is refused rather than stored.
    await expect(storage.putPart(key, id, 2, parts[1].subarray(0, 10), partSize)).rejects.toThrow();
    // Sent twice: a complete but wrong attempt, then the right one, which wins.
    await storage.putPart(key, id, 2, randomBytes(partSize), partSize);
    stored.push(await storage.putPart(key, id, 2, Readable.from([parts[1]]), partSize));
    stored.push(await storage.putPart(key, id, 3, parts[2], parts[2].length));

    await storage.completeMultipart(key, id, stored);
    const whole = Buffer.concat(parts);
    await expect(hashStream(await storage.get(key))).resolves.toEqual({ size: whole.length, sha256: sha256(whole) });
  });

  it('drops an aborted upload, or fails in a way callers retry later', async () => {
    const key = newKey();
    const id = await storage.createMultipart(key);
    await storage.putPart(key, id, 1, randomBytes(10), 10);
    // s3rver has no abort (MethodNotAllowed); MinIO and the local disk do.
    const aborted = await storage.abortMultipart(key, id).then(
      () => true,
      () => false,
    );
    if (storage.driver === 'local') expect(aborted).toBe(true);
    await expect(storage.stat(key)).resolves.toBeNull();
  });

  it.each(['../escape', 'a/b', '/abs', '', '.hidden', 'x'.repeat(202), 'sp ace'])('refuses the key %j', async (key) => {
    const body = () => Readable.from([Buffer.from('x')]);
    await expect(storage.put(key, body())).rejects.toThrow(/Invalid object key/);
    await expect(storage.get(key)).rejects.toThrow(/Invalid object key/);
    await expect(storage.stat(key)).rejects.toThrow(/Invalid object key/);
    await expect(storage.delete(key)).rejects.toThrow(/Invalid object key/);
    await expect(storage.createMultipart(key)).rejects.toThrow(/Invalid object key/);
  });

  it('streams a 64 MiB body to the store without holding it in memory', async () => {
    const key = newKey();
    const total = 64 * MiB;
    const chunk = MiB;
    const expected = createHash('sha256');
    let produced = 0;
    collectGarbage();
    const baseline = process.memoryUsage().arrayBuffers;
    let peak = baseline;
    const source = new Readable({
      read() {
        // Every 4 MiB: how many buffer bytes are alive while the adapter is mid-way through the body.
        if (produced % (4 * MiB) === 0) {
          collectGarbage();
          peak = Math.max(peak, process.memoryUsage().arrayBuffers);
        }
        if (produced === total) {
          this.push(null);
          return;
        }
        const bytes = randomBytes(chunk);
        expected.update(bytes);
        produced += chunk;
        this.push(bytes);
      },
    });
    await expect(storage.put(key, source)).resolves.toEqual({ size: total });
    await expect(storage.stat(key)).resolves.toEqual({ size: total });
    await expect(hashStream(await storage.get(key))).resolves.toEqual({ size: total, sha256: expected.digest('hex') });
    // Holding the body would need 64 MiB of live buffers; the adapters keep at most a part or so in
    // flight (for S3 that includes s3rver's own buffers, as it runs in this process).
    expect(peak - baseline).toBeLessThan(48 * MiB);
  });
});
