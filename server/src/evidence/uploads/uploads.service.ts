import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID, type Hash } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DataSource, EntityManager } from 'typeorm';
import { ReadAccessService, type JitAccess } from '../../access';
import { AppError, invalid, KeyedLock, type RequestContext } from '../../common';
import { CONFIG, type AppConfig } from '../../config';
import { Transactions } from '../../database';
import { assertWritable } from '../../jits';
import { memberActor, RecordService } from '../../record';
import { digestObject, OBJECT_STORAGE, readAll, UploadStaging, type MultipartWriter, type ObjectDigest, type ObjectStorage } from '../../storage';
import { ByteLimit } from './byte-limit';
import { SNIFF_BYTES, sniffMimeType } from './sniff';
import { parseDeclaration, TUS_CONTENT_TYPE } from './tus-protocol';
import { EvidenceUploadEntity } from './upload.entity';

/** The SHA-256 of an upload's first `offset` bytes, kept in this process between its requests. */
interface RunningHash {
  hash: Hash;
  offset: number;
}

/** What the code that turns an upload into evidence may know of it; the row stays the upload service's. */
export type UploadFacts = Readonly<Pick<EvidenceUploadEntity, 'id' | 'jitId' | 'objectKey' | 'fileName' | 'status' | 'length' | 'sha256' | 'mimeType'>>;

/** Work that must commit or fail together with an upload's completion (its waiting version becoming available). */
export type UploadCompletedListener = (manager: EntityManager, context: RequestContext, upload: UploadFacts) => Promise<void>;

export interface TusHeaders {
  tusResumable?: string;
  uploadLength?: string;
  uploadMetadata?: string;
  uploadOffset?: string;
  contentType?: string;
  contentLength?: string;
}

/**
 * tus 1.0 (core, creation, termination) on ObjectStorage. Bytes stream to storage through the
 * adapter's multipart writer: each PATCH becomes a part on local disk, or is staged on disk until
 * an S3 part is full. The SHA-256 is computed as the bytes pass to storage; when that running hash
 * was lost (a restart, a request served by another process) the stored object is read back and
 * hashed at completion instead. The only code that touches the `uploads` table.
 */
@Injectable()
export class UploadsService {
  /** One request at a time per upload in this process. */
  private readonly locks = new KeyedLock();
  private readonly hashes = new Map<string, RunningHash>();
  private readonly writer: MultipartWriter;
  private readonly completedListeners: UploadCompletedListener[] = [];

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    private readonly transactions: Transactions,
    private readonly record: RecordService,
    private readonly readAccess: ReadAccessService,
  ) {
    this.writer = storage.multipartWriter(new UploadStaging(join(resolve(config.DATA_DIR), 'uploads')));
  }

  /** Runs `listener` inside the transaction that marks an upload complete, after the row is updated. */
  onCompleted(listener: UploadCompletedListener): void {
    this.completedListeners.push(listener);
  }

  maxBytes(access: JitAccess): number {
    return access.jit.maxUploadBytes ?? this.config.UPLOAD_MAX_BYTES;
  }

  async create(access: JitAccess, headers: TusHeaders): Promise<EvidenceUploadEntity> {
    assertWritable(access.jit);
    const declaration = parseDeclaration(headers.uploadLength, headers.uploadMetadata);
    const max = this.maxBytes(access);
    if (declaration.length > max) {
      throw new AppError(413, 'upload_too_large', `This JIT accepts files of at most ${max} bytes; this one has ${declaration.length}.`);
    }
    const objectKey = `ev-${randomBytes(16).toString('hex')}`;
    const multipartId = await this.storage.createMultipart(objectKey);
    const now = new Date();
    const upload: EvidenceUploadEntity = {
      id: randomUUID(),
      jitId: access.jit.id,
      userId: access.user.id,
      partyId: access.membership?.partyId ?? '',
      length: declaration.length,
      offset: 0,
      fileName: declaration.fileName,
      declaredType: declaration.declaredType,
      declaredSha256: declaration.declaredSha256,
      objectKey,
      multipartId,
      parts: [],
      status: 'receiving',
      sha256: null,
      mimeType: null,
      failureReason: null,
      createdAt: now,
      updatedAt: now,
      expiresAt: new Date(now.getTime() + this.config.UPLOAD_EXPIRY_HOURS * 3_600_000),
    };
    await this.transactions.run((manager) => manager.insert(EvidenceUploadEntity, { ...upload }));
    return upload;
  }

  /** An upload is its uploader's: anyone else, member or not, gets the same 404. */
  async find(access: JitAccess, uploadId: string): Promise<EvidenceUploadEntity> {
    return this.readAccess.require(this.dataSource.manager, 'upload', uploadId, this.readAccess.reader(access));
  }

  /**
   * The upload named in a request to describe it, in the caller's transaction: the caller's own, in
   * this JIT, not refused. Locked (MySQL), so a last PATCH completing this upload at the same moment
   * either sees what the caller writes in this transaction or is seen complete here: the item cannot
   * stay pending.
   */
  async claim(manager: EntityManager, access: JitAccess, uploadId: string): Promise<UploadFacts> {
    const upload = await this.readAccess.find(manager, 'upload', uploadId, this.readAccess.reader(access), { lock: true });
    if (!upload) throw invalid([{ field: 'uploadId', code: 'invalid_value' }], 'There is no upload of yours with this id in this JIT.');
    if (upload.status !== 'receiving' && upload.status !== 'complete') {
      throw new AppError(409, 'upload_not_receiving', `This upload is ${upload.status}; upload the file again.`);
    }
    return upload;
  }

  /**
   * The upload a tus request acts on. A cancelled, expired or refused upload is gone (410), as tus
   * asks after termination, so a client starts afresh instead of resuming it.
   */
  async findForTus(access: JitAccess, uploadId: string): Promise<EvidenceUploadEntity> {
    const upload = await this.find(access, uploadId);
    if (upload.status === 'cancelled' || upload.status === 'expired' || upload.status === 'failed') {
      throw new AppError(410, 'upload_not_receiving', `This upload is ${upload.status}; upload the file again.`);
    }
    return upload;
  }

  /** PATCH: appends the body at the offset the client names, which must be the server's. */
  append(context: RequestContext, access: JitAccess, uploadId: string, headers: TusHeaders, body: Readable): Promise<EvidenceUploadEntity> {
    return this.locks.run(uploadId, async () => {
      const upload = await this.findForTus(access, uploadId);
      if (upload.status !== 'receiving') {
        throw new AppError(409, 'upload_not_receiving', `This upload is ${upload.status}; start a new one.`);
      }
      if (headers.contentType?.split(';')[0].trim() !== TUS_CONTENT_TYPE) {
        throw new AppError(415, 'validation_failed', `Send the bytes as ${TUS_CONTENT_TYPE}.`);
      }
      if (headers.uploadOffset === undefined || !/^\d+$/.test(headers.uploadOffset)) {
        throw new AppError(400, 'validation_failed', 'Send the offset you resume from in Upload-Offset.', { details: [{ field: 'Upload-Offset', code: 'required' }] });
      }
      const declared = headers.contentLength !== undefined && /^\d+$/.test(headers.contentLength) ? Number(headers.contentLength) : null;
      if (declared === null) {
        throw new AppError(411, 'validation_failed', 'Send the size of this chunk in Content-Length.', { details: [{ field: 'Content-Length', code: 'required' }] });
      }
      if (declared > upload.length - upload.offset) {
        throw new AppError(413, 'upload_too_large', `This chunk runs past the declared Upload-Length; send at most ${upload.length - upload.offset} more bytes.`);
      }
      assertWritable(access.jit);
      if (Number(headers.uploadOffset) !== upload.offset) {
        throw new AppError(409, 'upload_offset_mismatch', `The upload is at byte ${upload.offset}; resume from there.`);
      }
      // Hash a copy: a request that fails half-way leaves the running hash as it was.
      const running = this.hashes.get(upload.id);
      const hashing = running && running.offset === upload.offset ? running.hash.copy() : upload.offset === 0 ? createHash('sha256') : null;
      const limited = new ByteLimit(upload.length - upload.offset, hashing);
      const flowing = pipeline(body, limited).catch((error: unknown) => limited.destroy(error instanceof Error ? error : new Error(String(error))));
      const stored = await this.writer.append({ ...upload, multipartId: upload.multipartId ?? '' }, limited, declared);
      await flowing;
      const updated: EvidenceUploadEntity = { ...upload, ...stored, updatedAt: new Date() };
      if (hashing) this.hashes.set(upload.id, { hash: hashing, offset: updated.offset });
      else this.hashes.delete(upload.id);
      await this.transactions.run((manager) =>
        manager.update(EvidenceUploadEntity, { id: upload.id }, { offset: updated.offset, parts: updated.parts, updatedAt: updated.updatedAt }),
      );
      await this.writer.recorded(upload.id, updated);
      if (updated.offset === updated.length) return this.complete(context, access, updated);
      return updated;
    });
  }

  /**
   * The last byte arrived: assemble the object, read it back for its SHA-256 and sniffed type, and
   * refuse it (nothing kept) if it contradicts the declared hash or is a blocked type.
   */
  private async complete(context: RequestContext, access: JitAccess, upload: EvidenceUploadEntity): Promise<EvidenceUploadEntity> {
    await this.storage.completeMultipart(upload.objectKey, upload.multipartId ?? '', upload.parts);
    await this.writer.discard(upload.id);
    const { sha256, head, size } = await this.digest(upload);
    const mimeType = await sniffMimeType(head);
    const refusal =
      size !== upload.length
        ? new AppError(409, 'upload_incomplete', `Storage holds ${size} bytes where ${upload.length} were sent; upload the file again.`)
        : upload.declaredSha256 && upload.declaredSha256 !== sha256
          ? new AppError(
              400,
              'upload_hash_mismatch',
              `The file's SHA-256 is ${sha256}, not the ${upload.declaredSha256} declared: the upload was refused. Check the file and upload it again.`,
            )
          : (access.jit.blockedTypes ?? []).includes(mimeType)
            ? new AppError(415, 'file_type_blocked', `Files of type ${mimeType} may not be shared in this JIT.`)
            : null;
    if (refusal) {
      await this.storage.delete(upload.objectKey);
      await this.transactions.run(async (manager) => {
        await manager.update(EvidenceUploadEntity, { id: upload.id }, { status: 'failed', sha256, mimeType, failureReason: refusal.body.error, updatedAt: new Date() });
        await this.record.append(manager, memberActor(context, access), {
          action: 'upload.refused',
          subjectId: upload.id,
          changes: [
            { field: 'reason', from: null, to: refusal.body.error },
            { field: 'fileName', from: null, to: upload.fileName },
            { field: 'sha256', from: upload.declaredSha256, to: sha256 },
            { field: 'mimeType', from: null, to: mimeType },
          ],
        });
      });
      throw refusal;
    }
    const completed: EvidenceUploadEntity = { ...upload, status: 'complete', sha256, mimeType, updatedAt: new Date() };
    await this.transactions.run(async (manager) => {
      await manager.update(EvidenceUploadEntity, { id: upload.id }, { status: 'complete', sha256, mimeType, updatedAt: completed.updatedAt });
      for (const listener of this.completedListeners) await listener(manager, context, completed);
    });
    return completed;
  }

  /**
   * The stored object's SHA-256, size and first bytes. When this process hashed every byte on its
   * way to storage (the usual case) that hash is used and only the size and the first bytes are read
   * back; after a restart, or with UPLOAD_HASH_READBACK=true, the whole object is read back and hashed.
   */
  private async digest(upload: EvidenceUploadEntity): Promise<ObjectDigest> {
    const running = this.hashes.get(upload.id);
    this.hashes.delete(upload.id);
    if (!running || running.offset !== upload.length || this.config.UPLOAD_HASH_READBACK) return digestObject(this.storage, upload.objectKey, SNIFF_BYTES);
    const stat = await this.storage.stat(upload.objectKey);
    const head = await readAll(await this.storage.get(upload.objectKey, { start: 0, end: Math.min(upload.length, SNIFF_BYTES) - 1 }));
    return { sha256: running.hash.digest('hex'), size: stat?.size ?? 0, head };
  }

  /** DELETE (tus termination): the uploader abandons the upload; nothing of it is kept. */
  terminate(access: JitAccess, uploadId: string): Promise<void> {
    return this.locks.run(uploadId, async () => {
      const upload = await this.findForTus(access, uploadId);
      if (upload.status !== 'receiving') throw new AppError(409, 'upload_not_receiving', `This upload is ${upload.status} and can no longer be cancelled.`);
      await this.discard(upload, 'cancelled');
    });
  }

  private async discard(upload: EvidenceUploadEntity, status: 'cancelled' | 'expired'): Promise<void> {
    this.hashes.delete(upload.id);
    await this.transactions.run((manager) => manager.update(EvidenceUploadEntity, { id: upload.id }, { status, updatedAt: new Date() }));
    await this.writer.discard(upload.id);
    // A store without abort (s3rver) leaves the parts; the next sweep tries again.
    await this.storage.abortMultipart(upload.objectKey, upload.multipartId ?? '').catch(() => undefined);
  }

  /** Sweeps uploads abandoned past their expiry. Returns how many were removed. */
  async sweep(now = new Date()): Promise<number> {
    const expired = await this.dataSource
      .getRepository(EvidenceUploadEntity)
      .createQueryBuilder('u')
      .where('u.status = :status AND u.expiresAt < :now', { status: 'receiving', now })
      .take(500)
      .getMany();
    for (const upload of expired) await this.locks.run(upload.id, () => this.discard(upload, 'expired'));
    return expired.length;
  }
}
