import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Bytes of an upload that are durably received but not yet a storage part (S3 parts must hold at
 * least 5 MiB): less than one part, in one file named by the number of the part it will start, so
 * a crash between storing parts and recording them leaves the right file to resume from.
 */
export class UploadStaging {
  constructor(private readonly dir: string) {}

  private path(uploadId: string, nextPart: number): string {
    return join(this.dir, `${uploadId}.${nextPart}.staging`);
  }

  /** Writes the bytes that will start part `nextPart`, durably (fsynced) before the request is answered. */
  async write(uploadId: string, nextPart: number, bytes: Buffer): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const target = this.path(uploadId, nextPart);
    const temporary = `${target}.tmp`;
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
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
