import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  LIMITS,
  PARTY_KINDS,
  type CreateExtensionRequest,
  type CreateJitRequest,
  type PartyInput,
  type PartyKind,
  type UpdateJitRequest,
  type JitSecondFactorRequest,
} from '@jit/shared';
import { IsCountry, IsDateOnly, IsNotBefore, IsOmittable, IsWorkingLanguage, trim } from '../common';

export class PartyDto implements PartyInput {
  @IsIn(PARTY_KINDS)
  kind: PartyKind;

  /** ISO 3166-1 alpha-2; required for a party (checked with the other parties). */
  @IsOmittable()
  @IsCountry()
  country?: string;

  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.partyNameMax)
  name: string;

  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.authorityMax)
  authority: string;
}

export class CreateJitDto implements CreateJitRequest {
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.referenceMax)
  reference: string;

  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.titleMax)
  title: string;

  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.purposeMax)
  purpose: string;

  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.legalBasisMax)
  legalBasis: string;

  /** YYYY-MM-DD */
  @IsDateOnly()
  startDate: string;

  /** YYYY-MM-DD, not before startDate */
  @IsDateOnly()
  @IsNotBefore('startDate')
  endDate: string;

  /** ISO 639-1 */
  @IsWorkingLanguage()
  workingLanguage: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LIMITS.statesOfOperationMax)
  @ArrayUnique()
  @IsCountry({ each: true })
  statesOfOperation: string[];

  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(LIMITS.partiesMax)
  @ValidateNested({ each: true })
  @Type(() => PartyDto)
  parties: PartyDto[];

  /** Country of the party that leads the team (the state of operation). */
  @IsCountry()
  leadPartyCountry: string;
}

export class UpdateJitDto implements UpdateJitRequest {
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.titleMax)
  title?: string;

  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.purposeMax)
  purpose?: string;

  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.legalBasisMax)
  legalBasis?: string;

  @IsOmittable()
  @IsWorkingLanguage()
  workingLanguage?: string;

  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LIMITS.statesOfOperationMax)
  @ArrayUnique()
  @IsCountry({ each: true })
  statesOfOperation?: string[];

  /** Only while the JIT is a draft. */
  @IsOmittable()
  @IsDateOnly()
  startDate?: string;

  /** Only while the JIT is a draft; afterwards the end date moves by extensions. */
  @IsOmittable()
  @IsDateOnly()
  endDate?: string;

  /** Largest file accepted, in bytes; null returns to the server's default. */
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  maxUploadBytes?: number | null;

  /** MIME types refused in this JIT, e.g. application/x-msdownload. */
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @Matches(/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/, { each: true })
  blockedTypes?: string[];
}

export class CreateExtensionDto implements CreateExtensionRequest {
  /** YYYY-MM-DD, after the current end date */
  @IsDateOnly()
  newEndDate: string;

  /** YYYY-MM-DD: when the parties agreed the extension */
  @IsDateOnly()
  agreedOn: string;

  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(LIMITS.extensionNoteMax)
  note?: string;
}

export class JitSecondFactorDto implements JitSecondFactorRequest {
  /** Whether members must have, and sign in with, a second factor to enter this JIT. */
  @IsBoolean()
  required: boolean;
}
