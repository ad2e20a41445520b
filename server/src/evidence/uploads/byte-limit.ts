import type { Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { AppError } from '../../common';

/**
 * Passes bytes through until more than `max` arrive (a chunk may not run past the declared length),
 * feeding them to the upload's running SHA-256 on the way.
 */
export class ByteLimit extends Transform {
  count = 0;
  constructor(
    private readonly max: number,
    private readonly hash: Hash | null,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.count += chunk.length;
    if (this.count > this.max) {
      callback(new AppError(413, 'upload_too_large', `This chunk runs past the declared Upload-Length; send at most ${this.max} more bytes.`));
      return;
    }
    this.hash?.update(chunk);
    callback(null, chunk);
  }
}
