import type { DateOnly, IsoInstant } from './api';

/** Conditions of use set by the originating party (SIENA-style handling codes). */
export const HANDLING_CODES = ['evidential_use_in_jit', 'intelligence_only', 'consent_required_outside_jit'] as const;
export type HandlingCode = (typeof HANDLING_CODES)[number];

export const DOCUMENT_TYPES = [
  'witness_statement',
  'suspect_statement',
  'expert_report',
  'photograph',
  'video',
  'audio',
  'intercept',
  'phone_extraction',
  'document',
  'open_source',
  'other',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const CLASSIFICATIONS = ['unclassified', 'restricted', 'confidential', 'secret'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

/** The original is immutable; every other version derives from an earlier one. */
export const VERSION_KINDS = ['original', 'working_copy', 'translation', 'redacted'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

/** Only `available` items are evidence: bytes complete, size and hash recorded. */
export const EVIDENCE_STATUSES = ['pending', 'available', 'integrity_failed'] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];

export const UPLOAD_STATUSES = ['receiving', 'complete', 'failed', 'cancelled', 'expired'] as const;
export type UploadStatus = (typeof UPLOAD_STATUSES)[number];

/** tus 1.0 `Upload-Metadata` keys the server reads (values base64 in the header). */
export const UPLOAD_METADATA_KEYS = { fileName: 'filename', fileType: 'filetype', sha256: 'sha256' } as const;

export interface EvidenceMetadataInput {
  title: string;
  description?: string;
  documentType: DocumentType;
  /** ISO 639-1 codes */
  languages?: string[];
  originatingPartyId: string;
  originatingAuthority?: string;
  collectedBy?: string;
  collectionMethod?: string;
  obtainedAt?: IsoInstant | null;
  source?: string;
  handlingCode: HandlingCode;
  classification?: Classification;
  tags?: string[];
  folderId?: string | null;
}

/** POST /api/jits/:jitId/evidence */
export interface CreateEvidenceRequest extends EvidenceMetadataInput {
  uploadId: string;
}
/** PATCH /api/jits/:jitId/evidence/:itemId */
export type UpdateEvidenceRequest = Partial<EvidenceMetadataInput>;
/** POST /api/jits/:jitId/evidence/:itemId/versions */
export interface CreateVersionRequest {
  uploadId: string;
  kind: Exclude<VersionKind, 'original'>;
  derivedFromVersionId: string;
  note?: string;
}

export interface EvidenceVersion {
  id: string;
  number: number;
  kind: VersionKind;
  derivedFromVersionId: string | null;
  fileName: string;
  size: number;
  sha256: string;
  mimeType: string;
  status: EvidenceStatus;
  uploadedBy: string;
  uploadedByName: string;
  uploadedByPartyId: string;
  createdAt: IsoInstant;
  lastVerifiedAt: IsoInstant | null;
  note: string;
}

export interface EvidenceItem {
  id: string;
  jitId: string;
  title: string;
  description: string;
  documentType: DocumentType;
  languages: string[];
  originatingPartyId: string;
  originatingAuthority: string;
  collectedBy: string;
  collectionMethod: string;
  obtainedAt: IsoInstant | null;
  source: string;
  handlingCode: HandlingCode;
  classification: Classification;
  tags: string[];
  folderId: string | null;
  status: EvidenceStatus;
  createdBy: string;
  createdByName: string;
  createdByPartyId: string;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
  /** The original's SHA-256 and size, for the list. */
  sha256: string;
  size: number;
  mimeType: string;
  fileName: string;
  /** Set when these bytes already existed in the JIT: a warning, not a refusal. */
  duplicateOfItemId: string | null;
  versions: EvidenceVersion[];
  /** Who has downloaded any version: members and their parties. */
  downloads: Array<{ userId: string; displayName: string; partyId: string | null; firstAt: IsoInstant; count: number }>;
}

export const EVIDENCE_SORT_FIELDS = ['createdAt', 'title', 'size'] as const;
export type EvidenceSortField = (typeof EVIDENCE_SORT_FIELDS)[number];

/** GET /api/jits/:jitId/evidence?… (keyset pagination: pass `cursor` from the previous page) */
export interface EvidenceListQuery {
  /** e.g. `integrity_failed`, for the alert shown to leaders and legal advisers. */
  status?: Exclude<EvidenceStatus, 'pending'>;
  folderId?: string;
  partyId?: string;
  documentType?: DocumentType;
  handlingCode?: HandlingCode;
  uploadedBy?: string;
  obtainedFrom?: DateOnly;
  obtainedTo?: DateOnly;
  q?: string;
  sort?: EvidenceSortField;
  order?: 'asc' | 'desc';
  limit?: number;
  cursor?: string;
}
export interface EvidenceListPage {
  items: Array<Omit<EvidenceItem, 'versions' | 'downloads'>>;
  nextCursor: string | null;
}

export interface Folder {
  id: string;
  parentId: string | null;
  name: string;
  createdAt: IsoInstant;
}
/** POST /api/jits/:jitId/folders */
export interface CreateFolderRequest {
  name: string;
  parentId?: string | null;
}

/** GET /api/jits/:jitId/uploads/:uploadId/status: what the metadata form shows while bytes travel. */
export interface UploadStatusView {
  id: string;
  length: number;
  offset: number;
  status: UploadStatus;
  fileName: string;
  sha256: string | null;
  mimeType: string | null;
  duplicateOfItemId: string | null;
  failureReason: string | null;
}

/** POST .../verify */
export interface FixityResult {
  versionId: string;
  ok: boolean;
  expectedSha256: string;
  actualSha256: string | null;
  verifiedAt: IsoInstant;
}
