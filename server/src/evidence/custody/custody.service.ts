import { Inject, Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { jitChain, type AuditEvent, type FixityResult } from '@jit/shared';
import type { JitAccess } from '../../access';
import { AppError, type RequestContext } from '../../common';
import { Transactions } from '../../database';
import { jitActor, memberActor, RecordService } from '../../record';
import { digestObject, OBJECT_STORAGE, type ByteRange, type ObjectStorage } from '../../storage';
import type { EvidenceVersionEntity } from '../items/evidence-version.entity';
import { ItemsService } from '../items/items.service';
import { parseRange } from './http-range';

/** A viewer asks for the start of a file again within this time when it seeks or buffers: one viewing. */
const SAME_READING_MS = 30_000;

/** 416, with the `Content-Range: bytes *\/size` the controller adds (RFC 9110 §15.5.17). */
export class RangeNotSatisfiable extends AppError {
  constructor(readonly size: number) {
    super(416, 'range_not_satisfiable', `This file has ${size} bytes; ask for a range inside it.`);
  }
}

export interface ContentResponse {
  stream: Readable;
  range: ByteRange | null;
  size: number;
}

/**
 * The custody log, reads of content and fixity checks: every viewing, download and verification is
 * a custody event on the JIT's chain, with who, their party, when and from where. Owns no table: the
 * events are the record's, and version and item states are written through ItemsService.
 */
@Injectable()
export class CustodyService {
  constructor(
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    private readonly transactions: Transactions,
    private readonly record: RecordService,
    private readonly items: ItemsService,
  ) {}

  /** An item's custody log: every event of the record about it, for everyone who may read the item. */
  async log(access: JitAccess, itemId: string): Promise<AuditEvent[]> {
    await this.items.requireItem(access, itemId);
    return this.record.listBySubject(jitChain(access.jit.id), 'evidence', itemId);
  }

  /**
   * Streams a version (or a byte range of it). A request that starts at the first byte opens a
   * viewing or download and is recorded; the ranges a video player asks for afterwards are not.
   */
  async read(context: RequestContext, access: JitAccess, version: EvidenceVersionEntity, kind: 'view' | 'download', rangeHeader: string | undefined): Promise<ContentResponse> {
    const size = version.size ?? 0;
    const range = parseRange(rangeHeader, size);
    if (range === 'unsatisfiable') throw new RangeNotSatisfiable(size);
    if (!range || range.start === 0) await this.recordRead(context, access, version, kind);
    const stream = await this.storage.get(version.objectKey, range ?? undefined);
    return { stream, range, size };
  }

  private async recordRead(context: RequestContext, access: JitAccess, version: EvidenceVersionEntity, kind: 'view' | 'download'): Promise<void> {
    const action = kind === 'view' ? 'evidence.viewed' : 'evidence.downloaded';
    const chain = jitChain(access.jit.id);
    await this.transactions.run(async (manager) => {
      const since = new Date(Date.now() - SAME_READING_MS);
      if (
        await this.record.recordedSince(manager, {
          chain,
          action,
          subjectType: 'evidence',
          subjectId: version.itemId,
          actorUserId: access.user.id,
          since,
          field: 'versionId',
          to: version.id,
        })
      )
        return;
      await this.record.append(manager, memberActor(context, access), {
        action,
        subjectId: version.itemId,
        changes: [
          { field: 'versionId', from: null, to: version.id },
          { field: 'sha256', from: null, to: version.sha256 },
        ],
      });
    });
  }

  /**
   * Recomputes each version's SHA-256 from storage and compares it with the recorded one. A
   * mismatch marks the version and its item `integrity_failed` and is recorded, never silent.
   */
  async verify(context: RequestContext, jitId: string, itemId: string, actorPartyId: string | null): Promise<FixityResult[]> {
    const versions = await this.items.versionsOf(itemId);
    const results: FixityResult[] = [];
    for (const version of versions.filter((v) => v.status !== 'pending')) {
      const actual = await digestObject(this.storage, version.objectKey).then(
        (d) => d.sha256,
        () => null,
      );
      results.push({ versionId: version.id, ok: actual === version.sha256, expectedSha256: version.sha256 ?? '', actualSha256: actual, verifiedAt: new Date().toISOString() });
    }
    await this.transactions.run(async (manager) => {
      await this.items.recordFixity(manager, results);
      const failed = results.filter((r) => !r.ok);
      await this.record.append(manager, jitActor(context, jitId, actorPartyId), {
        action: 'evidence.verified',
        subjectId: itemId,
        changes: results.map((r) => ({ field: `version:${r.versionId}` as const, from: r.expectedSha256, to: r.actualSha256 })),
      });
      if (failed.length > 0) {
        await this.items.markIntegrityFailed(manager, itemId);
        await this.record.append(manager, jitActor(context, jitId, actorPartyId), {
          action: 'evidence.integrity_failed',
          subjectId: itemId,
          changes: failed.map((r) => ({ field: `version:${r.versionId}` as const, from: r.expectedSha256, to: r.actualSha256 })),
        });
      }
    });
    return results;
  }
}
