import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { NOTE_LIMITS, type CreateNoteRequest, type RestoreNoteRequest, type UpdateNoteRequest } from '@jit/shared';
import { IsOmittable, trim } from '../common';

export class CreateNoteDto implements CreateNoteRequest {
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(NOTE_LIMITS.titleMax)
  title: string;

  /** Markdown */
  @IsString()
  @MaxLength(NOTE_LIMITS.bodyMax)
  body: string;

  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(NOTE_LIMITS.tagsMax)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(NOTE_LIMITS.tagMax, { each: true })
  tags?: string[];
}

export class UpdateNoteDto implements UpdateNoteRequest {
  /** The revision this edit started from. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  baseRevision: number;

  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(NOTE_LIMITS.titleMax)
  title?: string;

  @IsOmittable()
  @IsString()
  @MaxLength(NOTE_LIMITS.bodyMax)
  body?: string;

  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(NOTE_LIMITS.tagsMax)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(NOTE_LIMITS.tagMax, { each: true })
  tags?: string[];
}

export class RestoreNoteDto implements RestoreNoteRequest {
  @IsInt()
  @Min(1)
  revision: number;

  @IsInt()
  @Min(1)
  baseRevision: number;
}
