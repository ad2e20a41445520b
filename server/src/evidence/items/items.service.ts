import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { jitChain, type EvidenceItem, type FieldError, type FixityResult, type UploadStatusView } from '@jit/shared';
import { AccessService, ReadAccessService, type JitAccess } from '../../access';
import { AppError, created, diff, invalid, notFound, type RequestContext } from '../../common';
import { Transactions } from '../../database';
import { JitsService } from '../../jits';
import { jitActor, memberActor, RecordService } from '../../record';
import { REQUIRED_ON_CREATE, type CreateEvidenceDto, type CreateVersionDto, type EvidenceMetadataDto } from './evidence.dto';
import { downloadsFrom, toEvidenceSummary, toEvidenceVersion } from './evidence.presenter';
import { EvidenceItemEntity } from './evidence-item.entity';
import { EvidenceVersionEntity } from './evidence-version.entity';
import { newItemRecord, newVersionRecord } from './item-records';
import { FoldersService } from '../folders/folders.service';
import { toUploadStatus } from '../uploads/upload.presenter';
import { UploadsService, type UploadFacts } from '../uploads/uploads.service';
import { displayNames } from '../../people';

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
    private readonly readAccess: ReadAccessService,
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
    if (await manager.getRepository(EvidenceVersionEntity).existsBy({ uploadId })) {
      throw new AppError(409, 'upload_already_used', 'This upload already belongs to an item or version.');
    }
    return upload;
  }

  async create(context: RequestContext, access: JitAccess, dto: CreateEvidenceDto): Promise<EvidenceItem> {
    const itemId = await this.transactions.run(async (manager) => {
      await this.checkMetadata(manager, access, dto, true);
      await this.jits.loadForWrite(manager, access.jit.id);
      const upload = await this.claimUpload(manager, access, dto.uploadId);
      const item = newItemRecord(access, dto, upload.fileName);
      await manager.insert(EvidenceItemEntity, { ...item });
      const version = newVersionRecord(item, upload, 1, 'original', null, '', access);
      await manager.insert(EvidenceVersionEntity, { ...version });
      if (upload.status === 'complete') await this.makeAvailable(manager, context, version, upload);
      return item.id;
    });
    return this.getById(access, itemId);
  }

  /** Called in the transaction that marks an upload complete: a version waiting for it becomes available. */
  private async onUploadComplete(manager: EntityManager, context: RequestContext, upload: UploadFacts): Promise<void> {
    const version = await manager.getRepository(EvidenceVersionEntity).findOneBy({ uploadId: upload.id, status: 'pending' });
    if (version) await this.makeAvailable(manager, context, version, upload);
  }

  /** Records size, hash and type on the version (and the item, for an original) and writes the custody event. */
  private async makeAvailable(manager: EntityManager, context: RequestContext, version: EvidenceVersionEntity, upload: UploadFacts): Promise<void> {
    const now = new Date();
    const facts = { size: upload.length, sha256: upload.sha256, mimeType: upload.mimeType };
    await manager.update(EvidenceVersionEntity, { id: version.id }, { ...facts, status: 'available', availableAt: now });
    const item = await manager.getRepository(EvidenceItemEntity).findOneByOrFail({ id: version.itemId });
    const versionChanges = created({ versionId: version.id, number: version.number, kind: version.kind, fileName: version.fileName, ...facts });
    if (version.number > 1) {
      await this.record.append(manager, jitActor(context, item.jitId, version.uploadedByPartyId || null), {
        action: 'evidence.version_added',
        subjectId: item.id,
        changes: [...versionChanges, { field: 'derivedFromVersionId', from: null, to: version.derivedFromVersionId }],
      });
      return;
    }
    // The same bytes shared twice in one JIT are flagged and linked, not refused.
    const duplicate = await this.duplicateOf(manager, upload);
    await manager.update(EvidenceItemEntity, { id: item.id }, { ...facts, status: 'available', updatedAt: now, duplicateOfItemId: duplicate?.id ?? null });
    await this.record.append(manager, jitActor(context, item.jitId, item.createdByPartyId || null), {
      action: 'evidence.uploaded',
      subjectId: item.id,
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
        ...(duplicate ? created({ duplicateOfItemId: duplicate.id }) : []),
      ],
    });
  }

  async addVersion(context: RequestContext, access: JitAccess, itemId: string, dto: CreateVersionDto): Promise<EvidenceItem> {
    await this.transactions.run(async (manager) => {
      const item = await this.requireItem(access, itemId, manager);
      const versions = await manager.getRepository(EvidenceVersionEntity).find({ where: { itemId: item.id }, order: { number: 'DESC' } });
      if (!versions.some((v) => v.id === dto.derivedFromVersionId)) {
        throw invalid([{ field: 'derivedFromVersionId', code: 'invalid_value' }], 'A version derives from a version of the same item.');
      }
      await this.jits.loadForWrite(manager, access.jit.id);
      const upload = await this.claimUpload(manager, access, dto.uploadId);
      const version = newVersionRecord(item, upload, (versions[0]?.number ?? 0) + 1, dto.kind, dto.derivedFromVersionId, dto.note ?? '', access);
      await manager.insert(EvidenceVersionEntity, { ...version });
      if (upload.status === 'complete') await this.makeAvailable(manager, context, version, upload);
    });
    return this.getById(access, itemId);
  }

  /**
   * The first listed item of the upload's JIT holding the same bytes, leaving out the item the upload
   * itself belongs to (an uploaded version is unique per upload), or null.
   */
  async duplicateOf(manager: EntityManager, upload: Pick<UploadFacts, 'id' | 'jitId' | 'sha256'>): Promise<EvidenceItemEntity | null> {
    if (!upload.sha256) return null;
    return manager
      .getRepository(EvidenceItemEntity)
      .createQueryBuilder('i')
      .where('i.jitId = :jitId AND i.sha256 = :sha256 AND i.status <> :pending', { jitId: upload.jitId, sha256: upload.sha256, pending: 'pending' })
      .andWhere((qb) => `i.id NOT IN ${qb.subQuery().select('v.itemId').from(EvidenceVersionEntity, 'v').where('v.uploadId = :uploadId').getQuery()}`)
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
  async requireItem(access: JitAccess, itemId: string, manager: EntityManager = this.dataSource.manager, ownPending = false): Promise<EvidenceItemEntity> {
    return this.readAccess.require(manager, 'evidence', itemId, this.readAccess.reader(access), { ownPending });
  }

  async requireVersion(access: JitAccess, itemId: string, versionId: string): Promise<{ item: EvidenceItemEntity; version: EvidenceVersionEntity }> {
    const item = await this.requireItem(access, itemId);
    const version = await this.readAccess.find(this.dataSource.manager, 'version', versionId, this.readAccess.reader(access));
    if (version?.itemId !== item.id) throw notFound('This version');
    return { item, version };
  }

  async get(access: JitAccess, itemId: string): Promise<EvidenceItem> {
    await this.requireItem(access, itemId, this.dataSource.manager, true);
    return this.getById(access, itemId);
  }

  /** The full view of an item, pending or not (its creator sees a pending item they just described). */
  private async getById(access: JitAccess, itemId: string): Promise<EvidenceItem> {
    const reader = this.readAccess.reader(access);
    const item = await this.readAccess.require(this.dataSource.manager, 'evidence', itemId, reader, { ownPending: true });
    const ofItem = this.dataSource.getRepository(EvidenceVersionEntity).createQueryBuilder('v').where('v.itemId = :itemId', { itemId }).orderBy('v.number', 'ASC');
    // A version still uploading is shown to its uploader, who follows it.
    const versions = await this.readAccess.scope(ofItem, 'version', 'v', reader, { ownPending: true }).getMany();
    const custody = await this.record.listBySubject(jitChain(access.jit.id), 'evidence', itemId);
    const names = await displayNames(this.dataSource.manager, [item.createdBy, ...versions.map((v) => v.uploadedBy)]);
    return {
      ...toEvidenceSummary(item, names),
      versions: versions.map((v) => toEvidenceVersion(v, names)),
      downloads: downloadsFrom(custody),
    };
  }

  /** Every version of an item, pending ones included, in order. */
  /** Every version of an item, whoever reads: for the fixity check, which is the system's, not a reader's. */
  versionsOf(itemId: string): Promise<EvidenceVersionEntity[]> {
    return this.dataSource.getRepository(EvidenceVersionEntity).find({ where: { itemId }, order: { number: 'ASC' } });
  }

  // ---- fixity ---------------------------------------------------------------------------------

  /** Available versions whose last check (or, never checked, their arrival) is older than `due`, least recently checked first. */
  versionsDueForFixity(due: Date, limit: number): Promise<EvidenceVersionEntity[]> {
    return this.dataSource
      .getRepository(EvidenceVersionEntity)
      .createQueryBuilder('v')
      .where('v.status = :available', { available: 'available' })
      .andWhere('(v.lastVerifiedAt IS NULL AND v.availableAt < :due) OR v.lastVerifiedAt < :due', { due })
      .orderBy('v.lastVerifiedAt', 'ASC')
      .take(limit)
      .getMany();
  }

  /** Stamps each checked version with the time of its check; one whose bytes no longer match becomes `integrity_failed`. */
  async recordFixity(manager: EntityManager, results: FixityResult[]): Promise<void> {
    for (const result of results) {
      await manager.update(
        EvidenceVersionEntity,
        { id: result.versionId },
        { lastVerifiedAt: new Date(result.verifiedAt), ...(result.ok ? {} : { status: 'integrity_failed' as const }) },
      );
    }
  }

  /** An item one of whose versions failed its fixity check. */
  async markIntegrityFailed(manager: EntityManager, itemId: string): Promise<void> {
    await manager.update(EvidenceItemEntity, { id: itemId }, { status: 'integrity_failed', updatedAt: new Date() });
  }

  // ---- changes ------------------------------------------------------------------------------

  async update(context: RequestContext, access: JitAccess, itemId: string, dto: EvidenceMetadataDto): Promise<EvidenceItem> {
    await this.transactions.run(async (manager) => {
      const item = await this.requireItem(access, itemId, manager);
      this.access.requireEvidenceEdit(access, item.createdByPartyId);
      await this.checkMetadata(manager, access, dto, false);
      await this.jits.loadForWrite(manager, access.jit.id);
      const patch: Omit<EvidenceMetadataDto, 'obtainedAt'> & { obtainedAt?: Date | null } = {
        ...dto,
        obtainedAt: dto.obtainedAt === undefined ? undefined : dto.obtainedAt === null ? null : new Date(dto.obtainedAt),
      };
      const changes = diff(item, patch);
      if (changes.length === 0) return;
      await manager.update(EvidenceItemEntity, { id: item.id }, { ...patch, updatedAt: new Date() });
      await this.record.append(manager, memberActor(context, access), {
        action: 'evidence.metadata_changed',
        subjectId: item.id,
        changes,
      });
    });
    return this.getById(access, itemId);
  }
}
