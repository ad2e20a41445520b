import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';

/**
 * Bytes of an upload that are durably received but not yet a storage part (S3 parts must hold at
 * least 5 MiB). One file per upload, named by the number of the part it will become, so a crash
 * between storing a part and recording it leaves the right file to resume from.
 */
export class UploadStaging {
  constructor(private readonly dir: string) {}

  private path(uploadId: string, nextPart: number): string {
    return join(this.dir, `${uploadId}.${nextPart}.staging`);
  }

  /** Appends `body` after the first `keep` staged bytes (dropping anything a failed request left); returns the staged size. */
  async append(uploadId: string, nextPart: number, keep: number, body: Readable): Promise<number> {
    await mkdir(this.dir, { recursive: true });
    const path = this.path(uploadId, nextPart);
    const handle = await open(path, 'a+');
    try {
      await handle.truncate(keep);
    } finally {
      await handle.close();
    }
    await pipeline(body, createWriteStream(path, { flags: 'a' }));
    const synced = await open(path, 'r+');
    try {
      await synced.sync();
    } finally {
      await synced.close();
    }
    return (await stat(path)).size;
  }

  /** Reads `length` staged bytes from `position` (one part, bounded by the part size). */
  async read(uploadId: string, nextPart: number, position: number, length: number): Promise<Buffer> {
    const handle = await open(this.path(uploadId, nextPart), 'r');
    try {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }

  /** Moves the bytes from `position` on into the file of part `newNextPart`, written before it is needed. */
  async keepTail(uploadId: string, fromPart: number, position: number, newNextPart: number): Promise<void> {
    const target = this.path(uploadId, newNextPart);
    const temporary = `${target}.tmp`;
    await pipeline(createReadStream(this.path(uploadId, fromPart), { start: position }), createWriteStream(temporary));
    const handle = await open(temporary, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  }

  /** Removes every staging file of an upload (older part numbers included). */
  async discard(uploadId: string): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    await Promise.all(names.filter((n) => n.startsWith(`${uploadId}.`)).map((n) => rm(join(this.dir, n), { force: true })));
  }

  /** Removes staging files of parts already stored. */
  async discardBefore(uploadId: string, nextPart: number): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const stale = names.filter((n) => {
      const match = new RegExp(`^${uploadId}\\.(\\d+)\\.staging$`).exec(n);
      return match !== null && Number(match[1]) < nextPart;
    });
    await Promise.all(stale.map((n) => rm(join(this.dir, n), { force: true })));
  }
}
