import { randomUUID } from 'node:crypto';
import type { JitAccess } from '../../access';
import type { UploadFacts } from '../uploads/uploads.service';
import type { CreateEvidenceDto } from './evidence.dto';
import type { EvidenceItemEntity } from './evidence-item.entity';
import type { EvidenceVersionEntity } from './evidence-version.entity';

/** A newly described item: pending, with no size, hash or type until its original's bytes are complete. */
export function newItemRecord(access: JitAccess, dto: CreateEvidenceDto, fileName: string): EvidenceItemEntity {
  const now = new Date();
  return {
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
    fileName,
    duplicateOfItemId: null,
  };
}

/** A version of `item` holding an upload's bytes: pending until they are complete. */
export function newVersionRecord(
  item: Pick<EvidenceItemEntity, 'id' | 'jitId'>,
  upload: UploadFacts,
  number: number,
  kind: EvidenceVersionEntity['kind'],
  derivedFromVersionId: string | null,
  note: string,
  access: JitAccess,
): EvidenceVersionEntity {
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
