import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { DOCUMENT_TYPES, EVIDENCE_SORT_FIELDS, HANDLING_CODES, type DocumentType, type EvidenceListQuery, type EvidenceSortField, type HandlingCode } from '@jit/shared';
import { IsDateOnly } from '../../common';

export class EvidenceListQueryDto implements EvidenceListQuery {
  @IsOptional() @IsIn(['available', 'integrity_failed']) status?: 'available' | 'integrity_failed';
  @IsOptional() @IsUUID() folderId?: string;
  @IsOptional() @IsUUID() partyId?: string;
  @IsOptional() @IsIn(DOCUMENT_TYPES) documentType?: DocumentType;
  @IsOptional() @IsIn(HANDLING_CODES) handlingCode?: HandlingCode;
  @IsOptional() @IsUUID() uploadedBy?: string;
  @IsOptional() @IsDateOnly() obtainedFrom?: string;
  @IsOptional() @IsDateOnly() obtainedTo?: string;
  @IsOptional() @IsString() @MaxLength(200) q?: string;
  @IsOptional() @IsIn(EVIDENCE_SORT_FIELDS) sort?: EvidenceSortField;
  @IsOptional() @IsIn(['asc', 'desc']) order?: 'asc' | 'desc';
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @IsString() @MaxLength(500) cursor?: string;
}
