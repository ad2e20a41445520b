import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, type SelectQueryBuilder } from 'typeorm';
import { isUuid, jitChain, type AuditEvent, type EvidenceItem, type EvidenceListPage, type EvidenceSortField, type FieldChange, type FieldError, type UploadStatusView } from '@jit/shared';
import { AccessService, type JitAccess } from '../../access/access.service';
import { AppError, invalid, notFound } from '../../common/app-error';
import { created, diff } from '../../common/changes';
import type { RequestContext } from '../../common/request-context';
import { readThroughIndex } from '../../database/read-through-index';
import { Transactions } from '../../database/transactions';
import { JitsService } from '../../jits/jits.service';
import { RecordService } from '../../record/record.service';
import { REQUIRED_ON_CREATE, type CreateEvidenceDto, type CreateVersionDto, type EvidenceListQueryDto, type EvidenceMetadataDto } from './evidence.dto';
import { downloadsFrom, toEvidenceSummary, toEvidenceVersion } from './evidence.presenter';
import { EVIDENCE_LIST_INDEXES, EvidenceItemRecord } from './evidence-item.entity';
import { EvidenceVersionRecord } from './evidence-version.entity';
import { FoldersService } from '../folders/folders.service';
import { toUploadStatus } from '../uploads/upload.presenter';
import { UploadsService, type UploadFacts } from '../uploads/uploads.service';
import { displayNames } from '../../users/display-names';
import { decodeCursor, encodeCursor } from '../../common/cursor';

/** The last item of a page, by its sort value and id: the next page starts after it. */
interface Cursor {
  v: string | number;
  id: string;
}

/** A cursor's value as the database compares it; a value of another sort's type is refused. */
const acceptCursor =
  (sort: EvidenceSortField) =>
  (cursor: Record<string, unknown>): { v: Date | string | number; id: string } | null => {
    if (!isUuid(cursor.id)) return null;
    if (sort === 'createdAt' && typeof cursor.v === 'string' && !Number.isNaN(Date.parse(cursor.v))) return { v: new Date(cursor.v), id: cursor.id };
    if (sort === 'title' && typeof cursor.v === 'string') return { v: cursor.v, id: cursor.id };
    if (sort === 'size' && Number.isSafeInteger(cursor.v)) return { v: cursor.v as number, id: cursor.id };
    return null;
  };

/**
 * The index a page after a cursor is read through on MariaDB/MySQL: one that the filters fix a
 * prefix of and that ends in the sort key and id, so the page is a range starting at the cursor.
 */
function listIndex(sort: EvidenceSortField, query: EvidenceListQueryDto): string | null {
  if (sort === 'createdAt') {
    if (query.folderId) return EVIDENCE_LIST_INDEXES.folder;
    if (query.partyId) return EVIDENCE_LIST_INDEXES.party;
    if (query.handlingCode) return EVIDENCE_LIST_INDEXES.handlingCode;
    return EVIDENCE_LIST_INDEXES.createdAt;
  }
  // No index holds a folder and a title or size. A folder is usually small, so its rows sorted
  // (the optimizer's own choice) beat a walk along the JIT's whole title or size index; a party or
  // handling code is a large share of the items, so the walk finds a page after a few pages' rows.
  if (query.folderId) return null;
  return EVIDENCE_LIST_INDEXES[sort];
}

/**
 * Evidence items and their versions. An item exists for others only once `available`: its bytes
 * complete in storage with size and hash recorded. Every change and every read of content is a
 * custody event on the JIT's chain.
 */
@Injectable()
export class ItemsService implements OnModuleInit {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly access: AccessService,
    private readonly jits: JitsService,
    private readonly record: RecordService,
    private readonly uploads: UploadsService,
    private readonly folders: FoldersService,
  ) {}

  onModuleInit(): void {
    this.uploads.onCompleted((manager, context, upload) => this.onUploadComplete(manager, context, upload));
  }

  // ---- creation and completion --------------------------------------------------------------

  /** The metadata checks a DTO cannot make: the party and folder belong to this JIT. */
  private async checkMetadata(manager: EntityManager, access: JitAccess, dto: EvidenceMetadataDto, creating: boolean): Promise<void> {
    const errors: FieldError[] = creating ? REQUIRED_ON_CREATE.filter((field) => dto[field] === undefined).map((field) => ({ field, code: 'required' as const })) : [];
    if (dto.originatingPartyId !== undefined && !access.parties.some((p) => p.id === dto.originatingPartyId)) errors.push({ field: 'originatingPartyId', code: 'invalid_value' });
    if (errors.length) throw invalid(errors);
    if (dto.folderId) await this.folders.requireFolder(manager, access, dto.folderId, 'folderId');
  }

  /** The upload named in a request (claimed in this transaction), which must not have become a version before. */
  private async claimUpload(manager: EntityManager, access: JitAccess, uploadId: string): Promise<UploadFacts> {
    const upload = await this.uploads.claim(manager, access, uploadId);
    if (await manager.getRepository(EvidenceVersionRecord).existsBy({ uploadId })) {
      throw new AppError(409, 'upload_already_used', 'This upload already belongs to an item or version.');
    }
    return upload;
  }

  async create(context: RequestContext, access: JitAccess, dto: CreateEvidenceDto): Promise<EvidenceItem> {
    const itemId = await this.transactions.run(async (manager) => {
      await this.checkMetadata(manager, access, dto, true);
      await this.jits.loadForWrite(manager, access.jit.id);
      const upload = await this.claimUpload(manager, access, dto.uploadId);
      const now = new Date();
      const item: EvidenceItemRecord = {
        id: randomUUID(),
        jitId: access.jit.id,
        folderId: dto.folderId ?? null,
        title: dto.title ?? '',
        description: dto.description ?? '',
        documentType: dto.documentType ?? 'other',
        languages: dto.languages ?? [],
        originatingPartyId: dto.originatingPartyId ?? '',
        originatingAuthority: dto.originatingAuthority ?? '',
        collectedBy: dto.collectedBy ?? '',
        collectionMethod: dto.collectionMethod ?? '',
        obtainedAt: dto.obtainedAt ? new Date(dto.obtainedAt) : null,
        source: dto.source ?? '',
        handlingCode: dto.handlingCode ?? 'evidential_use_in_jit',
        classification: dto.classification ?? 'unclassified',
        tags: dto.tags ?? [],
        status: 'pending',
        createdBy: access.user.id,
        createdByPartyId: access.membership?.partyId ?? '',
        createdAt: now,
        updatedAt: now,
        sha256: null,
        size: null,
        mimeType: null,
        fileName: upload.fileName,
        duplicateOfItemId: null,
      };
      await manager.insert(EvidenceItemRecord, { ...item });
      const version = this.newVersion(item, upload, 1, 'original', null, '', access);
      await manager.insert(EvidenceVersionRecord, { ...version });
      if (upload.status === 'complete') await this.makeAvailable(manager, context, version, upload);
      return item.id;
    });
    return this.getById(access, itemId);
  }

  private newVersion(
    item: Pick<EvidenceItemRecord, 'id' | 'jitId'>,
    upload: UploadFacts,
    number: number,
    kind: EvidenceVersionRecord['kind'],
    derivedFromVersionId: string | null,
    note: string,
    access: JitAccess,
  ): EvidenceVersionRecord {
    return {
      id: randomUUID(),
      itemId: item.id,
      jitId: item.jitId,
      number,
      kind,
      derivedFromVersionId,
      uploadId: upload.id,
      objectKey: upload.objectKey,
      fileName: upload.fileName,
      size: null,
      sha256: null,
      mimeType: null,
      status: 'pending',
      note,
      uploadedBy: access.user.id,
      uploadedByPartyId: access.membership?.partyId ?? '',
      createdAt: new Date(),
      availableAt: null,
      lastVerifiedAt: null,
    };
  }

  /** Called in the transaction that marks an upload complete: a version waiting for it becomes available. */
  private async onUploadComplete(manager: EntityManager, context: RequestContext, upload: UploadFacts): Promise<void> {
    const version = await manager.getRepository(EvidenceVersionRecord).findOneBy({ uploadId: upload.id, status: 'pending' });
    if (version) await this.makeAvailable(manager, context, version, upload);
  }

  /** Records size, hash and type on the version (and the item, for an original) and writes the custody event. */
  private async makeAvailable(manager: EntityManager, context: RequestContext, version: EvidenceVersionRecord, upload: UploadFacts): Promise<void> {
    const now = new Date();
    const facts = { size: upload.length, sha256: upload.sha256, mimeType: upload.mimeType };
    await manager.update(EvidenceVersionRecord, { id: version.id }, { ...facts, status: 'available', availableAt: now });
    const item = await manager.getRepository(EvidenceItemRecord).findOneByOrFail({ id: version.itemId });
    const chain = jitChain(item.jitId);
    const versionChanges: FieldChange[] = created({ versionId: version.id, number: version.number, kind: version.kind, fileName: version.fileName, ...facts });
    if (version.number > 1) {
      await this.record.append(manager, context, {
        chain,
        action: 'evidence.version_added',
        subjectType: 'evidence',
        subjectId: item.id,
        actorPartyId: version.uploadedByPartyId || null,
        changes: [...versionChanges, { field: 'derivedFromVersionId', from: null, to: version.derivedFromVersionId }],
      });
      return;
    }
    // The same bytes shared twice in one JIT are flagged and linked, not refused.
    const duplicate = await this.duplicateOf(manager, upload);
    await manager.update(EvidenceItemRecord, { id: item.id }, { ...facts, status: 'available', updatedAt: now, duplicateOfItemId: duplicate?.id ?? null });
    await this.record.append(manager, context, {
      chain,
      action: 'evidence.uploaded',
      subjectType: 'evidence',
      subjectId: item.id,
      actorPartyId: item.createdByPartyId || null,
      changes: [
        ...created({
          title: item.title,
          documentType: item.documentType,
          originatingPartyId: item.originatingPartyId,
          handlingCode: item.handlingCode,
          classification: item.classification,
          obtainedAt: item.obtainedAt,
          collectedBy: item.collectedBy,
          collectionMethod: item.collectionMethod,
          source: item.source,
        }),
        ...versionChanges,
        ...(duplicate ? [{ field: 'duplicateOfItemId', from: null, to: duplicate.id }] : []),
      ],
    });
  }

  async addVersion(context: RequestContext, access: JitAccess, itemId: string, dto: CreateVersionDto): Promise<EvidenceItem> {
    await this.transactions.run(async (manager) => {
      const item = await this.requireItem(access, itemId, manager);
      const versions = await manager.getRepository(EvidenceVersionRecord).find({ where: { itemId: item.id }, order: { number: 'DESC' } });
      if (!versions.some((v) => v.id === dto.derivedFromVersionId)) {
        throw invalid([{ field: 'derivedFromVersionId', code: 'invalid_value' }], 'A version derives from a version of the same item.');
      }
      await this.jits.loadForWrite(manager, access.jit.id);
      const upload = await this.claimUpload(manager, access, dto.uploadId);
      const version = this.newVersion(item, upload, (versions[0]?.number ?? 0) + 1, dto.kind, dto.derivedFromVersionId, dto.note ?? '', access);
      await manager.insert(EvidenceVersionRecord, { ...version });
      if (upload.status === 'complete') await this.makeAvailable(manager, context, version, upload);
    });
    return this.getById(access, itemId);
  }

  /**
   * The first listed item of the upload's JIT holding the same bytes, leaving out the item the upload
   * itself belongs to (an uploaded version is unique per upload), or null.
   */
  async duplicateOf(manager: EntityManager, upload: Pick<UploadFacts, 'id' | 'jitId' | 'sha256'>): Promise<EvidenceItemRecord | null> {
    if (!upload.sha256) return null;
    return manager
      .getRepository(EvidenceItemRecord)
      .createQueryBuilder('i')
      .where('i.jitId = :jitId AND i.sha256 = :sha256 AND i.status <> :pending', { jitId: upload.jitId, sha256: upload.sha256, pending: 'pending' })
      .andWhere((qb) => `i.id NOT IN ${qb.subQuery().select('v.itemId').from(EvidenceVersionRecord, 'v').where('v.uploadId = :uploadId').getQuery()}`)
      .setParameter('uploadId', upload.id)
      .orderBy('i.createdAt', 'ASC')
      .getOne();
  }

  /** The uploader's view of an upload while they describe it: its progress, and the item it would duplicate. */
  async uploadStatus(access: JitAccess, uploadId: string): Promise<UploadStatusView> {
    const upload = await this.uploads.find(access, uploadId);
    const duplicate = await this.duplicateOf(this.dataSource.manager, upload);
    return toUploadStatus(upload, duplicate?.id ?? null);
  }

  // ---- reading ------------------------------------------------------------------------------

  /**
   * An item of this JIT that is evidence (not pending); anything else is a 404. Its creator may
   * also read it while pending (`ownPending`), to follow their upload.
   */
  async requireItem(access: JitAccess, itemId: string, manager: EntityManager = this.dataSource.manager, ownPending = false): Promise<EvidenceItemRecord> {
    const item = isUuid(itemId) ? await manager.getRepository(EvidenceItemRecord).findOneBy({ id: itemId, jitId: access.jit.id }) : null;
    const visible = item !== null && (item.status !== 'pending' || (ownPending && item.createdBy === access.user.id));
    if (!visible) throw notFound('This evidence item');
    return item;
  }

  async requireVersion(access: JitAccess, itemId: string, versionId: string): Promise<{ item: EvidenceItemRecord; version: EvidenceVersionRecord }> {
    const item = await this.requireItem(access, itemId);
    const version = isUuid(versionId) ? await this.dataSource.getRepository(EvidenceVersionRecord).findOneBy({ id: versionId, itemId: item.id }) : null;
    if (!version || version.status === 'pending') throw notFound('This version');
    return { item, version };
  }

  async get(access: JitAccess, itemId: string): Promise<EvidenceItem> {
    await this.requireItem(access, itemId, this.dataSource.manager, true);
    return this.getById(access, itemId);
  }

  /** The full view of an item, pending or not (its creator sees a pending item they just described). */
  private async getById(access: JitAccess, itemId: string): Promise<EvidenceItem> {
    const item = await this.dataSource.getRepository(EvidenceItemRecord).findOneByOrFail({ id: itemId, jitId: access.jit.id });
    const versions = await this.dataSource.getRepository(EvidenceVersionRecord).find({ where: { itemId }, order: { number: 'ASC' } });
    const custody = await this.custody(access, itemId, false);
    const names = await displayNames(this.dataSource.manager, [item.createdBy, ...versions.map((v) => v.uploadedBy)]);
    return {
      ...toEvidenceSummary(item, names),
      versions: versions.filter((v) => v.status !== 'pending' || v.uploadedBy === access.user.id).map((v) => toEvidenceVersion(v, names)),
      downloads: downloadsFrom(custody),
    };
  }

  async custody(access: JitAccess, itemId: string, check = true): Promise<AuditEvent[]> {
    if (check) await this.requireItem(access, itemId);
    return this.record.listBySubject(jitChain(access.jit.id), 'evidence', itemId);
  }

  /**
   * Keyset pagination in (sort key, id) order: stable, and as fast on the thousandth page as on the
   * first, because a page after a cursor is an index range that starts at the cursor.
   */
  async list(access: JitAccess, query: EvidenceListQueryDto): Promise<EvidenceListPage> {
    const sort = query.sort ?? 'createdAt';
    const order = query.order ?? 'desc';
    const limit = query.limit ?? 50;
    const direction = order === 'desc' ? 'DESC' : 'ASC';
    const qb = this.filteredList(access, query).orderBy(`i.${sort}`, direction).addOrderBy('i.id', direction);
    let rows: EvidenceItemRecord[];
    if (!query.cursor) {
      rows = await qb.take(limit + 1).getMany();
    } else {
      const cursor = decodeCursor(query.cursor, acceptCursor(sort));
      const op = order === 'desc' ? '<' : '>';
      const params = { cursorValue: cursor.v, cursorId: cursor.id };
      if (this.dataSource.options.type === 'better-sqlite3') {
        // SQLite seeks straight to a row value in an index over (…, sort key, id).
        rows = await qb.andWhere(`(i.${sort}, i.id) ${op} (:cursorValue, :cursorId)`, params).take(limit + 1).getMany();
      } else {
        // MariaDB/MySQL make no range of a row value, but do of this OR: two intervals of the index,
        // the rest of the cursor's sort value and the values after it.
        qb.andWhere(`(i.${sort} ${op} :cursorValue OR (i.${sort} = :cursorValue AND i.id ${op} :cursorId))`, params);
        rows = await readThroughIndex(EvidenceItemRecord, qb, listIndex(sort, query), limit + 1);
      }
    }
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const names = await displayNames(this.dataSource.manager, page.map((i) => i.createdBy));
    const sortValue = (item: EvidenceItemRecord): string | number => (sort === 'createdAt' ? item.createdAt.toISOString() : sort === 'size' ? (item.size ?? 0) : item.title);
    return {
      items: page.map((i) => toEvidenceSummary(i, names)),
      nextCursor: rows.length > limit && last ? encodeCursor({ v: sortValue(last), id: last.id } satisfies Cursor) : null,
    };
  }

  /** The listed items of the JIT with the query's filters, unordered. */
  private filteredList(access: JitAccess, query: EvidenceListQueryDto): SelectQueryBuilder<EvidenceItemRecord> {
    const qb = this.dataSource
      .getRepository(EvidenceItemRecord)
      .createQueryBuilder('i')
      .where('i.jitId = :jitId', { jitId: access.jit.id })
      .andWhere('i.status IN (:...listed)', { listed: ['available', 'integrity_failed'] });
    if (query.status) qb.andWhere('i.status = :status', { status: query.status });
    if (query.folderId) qb.andWhere('i.folderId = :folderId', { folderId: query.folderId });
    if (query.partyId) qb.andWhere('i.originatingPartyId = :partyId', { partyId: query.partyId });
    if (query.documentType) qb.andWhere('i.documentType = :documentType', { documentType: query.documentType });
    if (query.handlingCode) qb.andWhere('i.handlingCode = :handlingCode', { handlingCode: query.handlingCode });
    if (query.uploadedBy) qb.andWhere('i.createdBy = :uploadedBy', { uploadedBy: query.uploadedBy });
    if (query.obtainedFrom) qb.andWhere('i.obtainedAt >= :from', { from: new Date(`${query.obtainedFrom}T00:00:00.000Z`) });
    if (query.obtainedTo) qb.andWhere('i.obtainedAt <= :to', { to: new Date(`${query.obtainedTo}T23:59:59.999Z`) });
    if (query.q) qb.andWhere('LOWER(i.title) LIKE :q', { q: `%${query.q.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%` });
    return qb;
  }

  // ---- changes ------------------------------------------------------------------------------

  async update(context: RequestContext, access: JitAccess, itemId: string, dto: EvidenceMetadataDto): Promise<EvidenceItem> {
    await this.transactions.run(async (manager) => {
      const item = await this.requireItem(access, itemId, manager);
      this.access.requireEvidenceEdit(access, item.createdByPartyId);
      await this.checkMetadata(manager, access, dto, false);
      await this.jits.loadForWrite(manager, access.jit.id);
      const patch: Partial<EvidenceItemRecord> = { ...dto, obtainedAt: dto.obtainedAt === undefined ? undefined : dto.obtainedAt === null ? null : new Date(dto.obtainedAt) };
      const changes = diff(item, patch);
      if (changes.length === 0) return;
      await manager.update(EvidenceItemRecord, { id: item.id }, { ...patch, updatedAt: new Date() });
      await this.record.append(manager, context, {
        chain: jitChain(access.jit.id),
        action: 'evidence.metadata_changed',
        subjectType: 'evidence',
        subjectId: item.id,
        actorPartyId: access.membership?.partyId,
        changes,
      });
    });
    return this.getById(access, itemId);
  }
}
