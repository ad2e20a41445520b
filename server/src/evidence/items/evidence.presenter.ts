import type { AuditEvent, EvidenceItem, EvidenceVersion } from '@jit/shared';
import type { EvidenceItemEntity } from './evidence-item.entity';
import type { EvidenceVersionEntity } from './evidence-version.entity';

export type EvidenceSummary = Omit<EvidenceItem, 'versions' | 'downloads'>;

export function toEvidenceSummary(item: EvidenceItemEntity, names: ReadonlyMap<string, string>): EvidenceSummary {
  return {
    id: item.id,
    jitId: item.jitId,
    title: item.title,
    description: item.description,
    documentType: item.documentType,
    languages: item.languages,
    originatingPartyId: item.originatingPartyId,
    originatingAuthority: item.originatingAuthority,
    collectedBy: item.collectedBy,
    collectionMethod: item.collectionMethod,
    obtainedAt: item.obtainedAt?.toISOString() ?? null,
    source: item.source,
    handlingCode: item.handlingCode,
    classification: item.classification,
    tags: item.tags,
    folderId: item.folderId,
    status: item.status,
    createdBy: item.createdBy,
    createdByName: names.get(item.createdBy) ?? '',
    createdByPartyId: item.createdByPartyId,
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
    sha256: item.sha256 ?? '',
    size: item.size ?? 0,
    mimeType: item.mimeType ?? '',
    fileName: item.fileName,
    duplicateOfItemId: item.duplicateOfItemId,
  };
}

export function toEvidenceVersion(version: EvidenceVersionEntity, names: ReadonlyMap<string, string>): EvidenceVersion {
  return {
    id: version.id,
    number: version.number,
    kind: version.kind,
    derivedFromVersionId: version.derivedFromVersionId,
    fileName: version.fileName,
    size: version.size ?? 0,
    sha256: version.sha256 ?? '',
    mimeType: version.mimeType ?? '',
    status: version.status,
    uploadedBy: version.uploadedBy,
    uploadedByName: names.get(version.uploadedBy) ?? '',
    uploadedByPartyId: version.uploadedByPartyId,
    createdAt: version.createdAt.toISOString(),
    lastVerifiedAt: version.lastVerifiedAt?.toISOString() ?? null,
    note: version.note,
  };
}

/** Who downloaded an item, from its custody events: one line per person, with their party. */
export function downloadsFrom(custody: AuditEvent[]): EvidenceItem['downloads'] {
  const byUser = new Map<string, EvidenceItem['downloads'][number]>();
  for (const event of custody) {
    if (event.action !== 'evidence.downloaded' || !event.actorUserId) continue;
    const seen = byUser.get(event.actorUserId);
    if (seen) seen.count += 1;
    else byUser.set(event.actorUserId, { userId: event.actorUserId, displayName: event.actorDisplayName ?? '', partyId: event.actorPartyId, firstAt: event.occurredAt, count: 1 });
  }
  return [...byUser.values()];
}
