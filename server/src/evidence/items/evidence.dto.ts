import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import {
  CLASSIFICATIONS,
  DOCUMENT_TYPES,
  HANDLING_CODES,
  VERSION_KINDS,
  WORKING_LANGUAGE_CODES,
  type Classification,
  type CreateEvidenceRequest,
  type CreateVersionRequest,
  type DocumentType,
  type HandlingCode,
  type UpdateEvidenceRequest,
  type VersionKind,
} from '@jit/shared';
import { IsOmittable, trim } from '../../common';

const DERIVED_KINDS = VERSION_KINDS.filter((k): k is Exclude<VersionKind, 'original'> => k !== 'original');

/** The description of an item, shared by creation (all required ones present) and edits (any subset). */
export class EvidenceMetadataDto implements UpdateEvidenceRequest {
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title?: string;

  @IsOmittable()
  @IsString()
  @MaxLength(20000)
  description?: string;

  @IsOmittable()
  @IsIn(DOCUMENT_TYPES)
  documentType?: DocumentType;

  /** ISO 639-1 codes */
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsIn(WORKING_LANGUAGE_CODES, { each: true })
  languages?: string[];

  @IsOmittable()
  @IsUUID()
  originatingPartyId?: string;

  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  originatingAuthority?: string;

  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  collectedBy?: string;

  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(300)
  collectionMethod?: string;

  /** UTC instant the material was obtained; null when unknown. */
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsISO8601({ strict: true })
  obtainedAt?: string | null;

  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  source?: string;

  /** Conditions of use set by the originating party. */
  @IsOmittable()
  @IsIn(HANDLING_CODES)
  handlingCode?: HandlingCode;

  @IsOmittable()
  @IsIn(CLASSIFICATIONS)
  classification?: Classification;

  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  tags?: string[];

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  folderId?: string | null;
}

/** Fields an item cannot exist without; the service reports the missing ones as `required`. */
export const REQUIRED_ON_CREATE = ['title', 'documentType', 'originatingPartyId', 'handlingCode'] as const;

export class CreateEvidenceDto extends EvidenceMetadataDto implements Partial<CreateEvidenceRequest> {
  /** The tus upload holding the bytes (finished or still travelling). */
  @IsUUID()
  uploadId: string;
}

export class CreateVersionDto implements CreateVersionRequest {
  @IsUUID()
  uploadId: string;

  @IsIn(DERIVED_KINDS)
  kind: Exclude<VersionKind, 'original'>;

  @IsUUID()
  derivedFromVersionId: string;

  @IsOmittable()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
