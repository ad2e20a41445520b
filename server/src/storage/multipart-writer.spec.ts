import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { readAll } from './bytes';
import { LocalDiskStorage } from './local-disk.storage';
import { PartPerRequestWriter, StagedPartWriter, type MultipartUpload, type MultipartWriter } from './multipart-writer';
import type { ObjectStorage, StoredPart } from './object-storage';
import { S3Storage } from './s3.storage';
import { UploadStaging } from './upload-staging';

const MIB = 1024 * 1024;

/** A request body arriving in network-sized chunks. */
const body = (bytes: Buffer, chunk = 256 * 1024): Readable => {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += chunk) chunks.push(bytes.subarray(at, at + chunk));
  return Readable.from(chunks);
};

/** The parts of an S3-like store (a floor of 5 MiB), kept in memory; a part sent again replaces the earlier one. */
class PartsInMemory implements Pick<ObjectStorage, 'minPartSize' | 'putPart'> {
  readonly minPartSize = 5 * MIB;
  private readonly stored = new Map<number, Buffer>();

  async putPart(_key: string, _multipartId: string, partNumber: number, part: Buffer | Readable, size: number): Promise<StoredPart> {
    const bytes = Buffer.isBuffer(part) ? Buffer.from(part) : await readAll(part);
    this.stored.set(partNumber, bytes);
    return { partNumber, etag: `etag-${partNumber}`, size };
  }

  assemble(parts: StoredPart[]): Buffer {
    return Buffer.concat(parts.map((p) => this.stored.get(p.partNumber) ?? Buffer.alloc(0)));
  }
}

describe('multipart writers', () => {
  let root: string;
  let staging: UploadStaging;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'jit-writer-'));
    staging = new UploadStaging(join(root, 'uploads'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  const upload = (length: number, multipartId: string): MultipartUpload => ({ id: 'upload-1', objectKey: 'obj1', multipartId, length, offset: 0, parts: [] });
  const stagedFiles = () => readdir(join(root, 'uploads')).catch(() => [] as string[]);

  it('is chosen by the adapter: one part per request on local disk, staged parts on S3', () => {
    expect(new LocalDiskStorage(join(root, 'objects')).multipartWriter()).toBeInstanceOf(PartPerRequestWriter);
    const s3 = new S3Storage({ endpoint: 'http://127.0.0.1:9', region: 'us-east-1', accessKey: 'a', secretKey: 'b', bucket: 'evidence' });
    expect(s3.multipartWriter(staging)).toBeInstanceOf(StagedPartWriter);
  });

  it('stores each request as the next part on local disk, an empty request as none, and stages nothing', async () => {
    const storage = new LocalDiskStorage(join(root, 'objects'));
    await storage.init();
    const writer = storage.multipartWriter();
    const data = randomBytes(3000);
    let state = upload(data.length, await storage.createMultipart('obj1'));
    for (const [start, end] of [
      [0, 1000],
      [1000, 1000],
      [1000, 3000],
    ]) {
      state = { ...state, ...(await writer.append(state, body(data.subarray(start, end)), end - start)) };
      await writer.recorded(state.id, state);
    }
    expect(state.offset).toBe(3000);
    expect(state.parts.map((p) => p.size)).toEqual([1000, 2000]);
    await storage.completeMultipart('obj1', state.multipartId, state.parts);
    expect((await readAll(await storage.get('obj1'))).equals(data)).toBe(true);
    expect(await stagedFiles()).toEqual([]);
  });

  it('gathers S3 parts across requests, staging what is short of a part until the next request', async () => {
    const storage = new PartsInMemory();
    const writer: MultipartWriter = new StagedPartWriter(storage, staging);
    const data = randomBytes(20 * MIB);
    let state = upload(data.length, 'mp-1');

    // Less than a part: nothing is sent, the bytes wait durably in a staging file for part 1.
    state = { ...state, ...(await writer.append(state, body(data.subarray(0, 3 * MIB)), 3 * MIB)) };
    expect([state.offset, state.parts.length]).toEqual([3 * MIB, 0]);
    expect(await stagedFiles()).toEqual(['upload-1.1.staging']);

    // The staged bytes start part 1 (8 MiB); the rest waits for part 2.
    state = { ...state, ...(await writer.append(state, body(data.subarray(3 * MIB, 13 * MIB)), 10 * MIB)) };
    expect([state.offset, state.parts.map((p) => p.size)]).toEqual([13 * MIB, [8 * MIB]]);
    await writer.recorded(state.id, state);
    expect(await stagedFiles()).toEqual(['upload-1.2.staging']);

    // The last byte sends everything left, the short last part included.
    state = { ...state, ...(await writer.append(state, body(data.subarray(13 * MIB)), 7 * MIB)) };
    expect([state.offset, state.parts.map((p) => p.size)]).toEqual([20 * MIB, [8 * MIB, 8 * MIB, 4 * MIB]]);
    expect(storage.assemble(state.parts).equals(data)).toBe(true);
    await writer.discard(state.id);
    expect(await stagedFiles()).toEqual([]);
  });

  it('leaves the recorded state usable when a request breaks off, so the client resumes from it', async () => {
    const storage = new PartsInMemory();
    const writer: MultipartWriter = new StagedPartWriter(storage, staging);
    const data = randomBytes(12 * MIB);
    const first = { ...upload(data.length, 'mp-1'), ...(await writer.append(upload(data.length, 'mp-1'), body(data.subarray(0, 2 * MIB)), 2 * MIB)) };
    const broken = new Readable({
      read() {
        this.push(data.subarray(2 * MIB, 11 * MIB));
        this.destroy(new Error('client went away'));
      },
    });
    await expect(writer.append(first, broken, 10 * MIB)).rejects.toThrow('client went away');
    const resumed = await writer.append(first, body(data.subarray(2 * MIB)), 10 * MIB);
    expect(resumed.offset).toBe(12 * MIB);
    expect(storage.assemble(resumed.parts).equals(data)).toBe(true);
  });
});
