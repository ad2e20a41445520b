import type { Readable } from 'node:stream';
import type { MultipartWriter } from './multipart-writer';
import type { UploadStaging } from './upload-staging';

/** Inclusive byte range, as in HTTP `Range: bytes=start-end`. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface ObjectStat {
  size: number;
}

export interface StoredPart {
  partNumber: number;
  /** The adapter's identifier of the part (S3: its ETag); kept in our database, never asked back. */
  etag: string;
  size: number;
}

/**
 * Where evidence bytes live. Keys are opaque ids chosen by the server, never user file names.
 * Two adapters pass the same contract suite: local disk (the embedded default) and S3 (minio client).
 */
export interface ObjectStorage {
  readonly driver: 'local' | 's3';

  /** Smallest size of every part but the last in a multipart upload (S3: 5 MiB; local disk: none). */
  readonly minPartSize: number;

  /** Prepares the store (S3: creates the bucket when missing). */
  init(): Promise<void>;

  /** Writes a whole object from a stream; durable when the promise resolves. */
  put(key: string, body: Readable): Promise<ObjectStat>;

  /** Streams an object, or the inclusive byte range of it. Rejects with ObjectNotFoundError when missing. */
  get(key: string, range?: ByteRange): Promise<Readable>;

  /** Size of an object, or null when it does not exist. */
  stat(key: string): Promise<ObjectStat | null>;

  /** Removes an object; removing a missing object is not an error. */
  delete(key: string): Promise<void>;

  /** Starts a multipart upload of `key`; returns the adapter's upload id. */
  createMultipart(key: string): Promise<string>;

  /**
   * Stores part `partNumber` (1-based, consecutive). Every part but the last must hold at least
   * `minPartSize` bytes. Durable when the promise resolves.
   */
  putPart(key: string, multipartId: string, partNumber: number, body: Buffer | Readable, size: number): Promise<StoredPart>;

  /** Assembles the parts, in order, into the object `key`. */
  completeMultipart(key: string, multipartId: string, parts: StoredPart[]): Promise<ObjectStat>;

  /** Drops an unfinished multipart upload. May fail on servers without abort; callers retry later. */
  abortMultipart(key: string, multipartId: string): Promise<void>;

  /**
   * How a multipart upload received request by request reaches this store: one part per request
   * where parts may have any size, parts gathered through `staging` where they have a floor.
   */
  multipartWriter(staging: UploadStaging): MultipartWriter;
}

export class ObjectNotFoundError extends Error {
  constructor(key: string) {
    super(`Object ${key} does not exist`);
  }
}

export const OBJECT_STORAGE = Symbol('ObjectStorage');
