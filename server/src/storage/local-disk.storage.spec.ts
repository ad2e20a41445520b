import { appendFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { readAll } from './bytes';
import { LocalDiskStorage } from './local-disk.storage';

describe('LocalDiskStorage', () => {
  let root: string;
  let storage: LocalDiskStorage;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'jit-local-'));
    storage = new LocalDiskStorage(root);
    await storage.init();
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  const body = (text: string) => Readable.from([Buffer.from(text)]);

  it.each(['../etc/passwd', '..', 'a/../../b', 'a/b', '/etc/passwd', 'a\\b', '', '.multipart', '-x', 'é', 'a\0b', 'k'.repeat(202)])(
    'refuses the key %j before touching the disk',
    async (key) => {
      await expect(storage.put(key, body('x'))).rejects.toThrow(/Invalid object key/);
      await expect(storage.get(key)).rejects.toThrow(/Invalid object key/);
      await expect(storage.stat(key)).rejects.toThrow(/Invalid object key/);
      await expect(storage.delete(key)).rejects.toThrow(/Invalid object key/);
      await expect(storage.createMultipart(key)).rejects.toThrow(/Invalid object key/);
      expect((await readdir(root)).sort()).toEqual(['.multipart']);
    },
  );

  it.each(['a', 'A9', 'ev_01HZX.part-2', 'k'.repeat(201)])('accepts the key %j', async (key) => {
    await expect(storage.put(key, body('x'))).resolves.toEqual({ size: 1 });
  });

  it('shards objects by the first two characters of the key and leaves no temporary file', async () => {
    await storage.put('ab123', body('hello'));
    expect(await readdir(join(root, 'ab'))).toEqual(['ab123']);
    expect(await readFile(join(root, 'ab', 'ab123'), 'utf8')).toBe('hello');
  });

  it('removes the temporary file and keeps the old object when a put fails half-way', async () => {
    await storage.put('ab123', body('old'));
    const failing = new Readable({
      read() {
        this.push(Buffer.from('partial'));
        this.destroy(new Error('client went away'));
      },
    });
    await expect(storage.put('ab123', failing)).rejects.toThrow('client went away');
    expect(await readdir(join(root, 'ab'))).toEqual(['ab123']);
    expect((await readAll(await storage.get('ab123'))).toString()).toBe('old');
  });

  it('truncates what a crash left after the last durable part before writing a part again', async () => {
    const id = await storage.createMultipart('obj1');
    const p1 = await storage.putPart('obj1', id, 1, Buffer.from('first-'), 6);
    // A crash mid-part-2: bytes reached the file but the part was never recorded.
    await appendFile(join(root, '.multipart', id), 'garbage from a torn write');
    const p2 = await storage.putPart('obj1', id, 2, body('second'), 6);
    await expect(storage.completeMultipart('obj1', id, [p1, p2])).resolves.toEqual({ size: 12 });
    expect((await readAll(await storage.get('obj1'))).toString()).toBe('first-second');
    // Completing moved the file and removed the manifest: nothing is left behind.
    expect(await readdir(join(root, '.multipart'))).toEqual([]);
  });

  it('refuses to complete when the file and the parts disagree', async () => {
    const id = await storage.createMultipart('obj1');
    const p1 = await storage.putPart('obj1', id, 1, Buffer.from('abc'), 3);
    await appendFile(join(root, '.multipart', id), 'stray');
    await expect(storage.completeMultipart('obj1', id, [p1])).rejects.toThrow(/holds 8 bytes/);
    await expect(storage.completeMultipart('obj1', id, [{ ...p1, size: 4 }])).rejects.toThrow(/do not match/);
    await expect(storage.completeMultipart('obj1', id, [{ ...p1, partNumber: 2 }])).rejects.toThrow(/numbered/);
    await expect(storage.stat('obj1')).resolves.toBeNull();
  });

  it('refuses parts out of order, of another key, of an unknown or malformed upload id', async () => {
    const id = await storage.createMultipart('obj1');
    await expect(storage.putPart('obj1', id, 2, Buffer.from('x'), 1)).rejects.toThrow(/comes before part 1/);
    await expect(storage.putPart('obj2', id, 1, Buffer.from('x'), 1)).rejects.toThrow(/not an upload of obj2/);
    await expect(storage.putPart('obj1', '0'.repeat(32), 1, Buffer.from('x'), 1)).rejects.toThrow(/does not exist/);
    await expect(storage.putPart('obj1', '../../etc', 1, Buffer.from('x'), 1)).rejects.toThrow(/Invalid multipart upload id/);
    await expect(storage.putPart('obj1', id, 0, Buffer.from('x'), 1)).rejects.toThrow(/Invalid part number/);
  });

  it('serialises concurrent parts of one upload', async () => {
    const id = await storage.createMultipart('obj1');
    const parts = await Promise.all([1, 2, 3].map((n) => storage.putPart('obj1', id, n, Buffer.from(`part${n}`), 5)));
    await storage.completeMultipart('obj1', id, parts);
    expect((await readAll(await storage.get('obj1'))).toString()).toBe('part1part2part3');
  });

  it('aborts an upload by removing its files; aborting twice is fine', async () => {
    const id = await storage.createMultipart('obj1');
    await storage.putPart('obj1', id, 1, Buffer.from('abc'), 3);
    await storage.abortMultipart('obj1', id);
    await storage.abortMultipart('obj1', id);
    expect(await readdir(join(root, '.multipart'))).toEqual([]);
  });

  it('refuses an inverted or negative range', async () => {
    await storage.put('obj1', body('abcdef'));
    await expect(storage.get('obj1', { start: 3, end: 2 })).rejects.toThrow(RangeError);
    await expect(storage.get('obj1', { start: -1, end: 2 })).rejects.toThrow(RangeError);
  });
});
