import type { PipeTransform } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  TASK_LIMITS,
  TASK_PRIORITIES,
  TASK_STATUSES,
  type ChecklistItem,
  type CreateTaskRequest,
  type MoveTaskRequest,
  type TaskListQuery,
  type TaskPriority,
  type TaskStatus,
  type UpdateTaskRequest,
} from '@jit/shared';
import { invalid, IsDateOnly, IsOmittable, queryBoolean, trim } from '../common';

export class ChecklistItemDto implements ChecklistItem {
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(TASK_LIMITS.checklistItemMax)
  text: string;

  @IsBoolean()
  done: boolean;
}

/** The fields of a task; creation requires the title (checked by the service), edits take any subset. */
export class TaskFieldsDto implements Partial<CreateTaskRequest> {
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(TASK_LIMITS.titleMax)
  title?: string;

  @IsOmittable()
  @IsString()
  @MaxLength(TASK_LIMITS.descriptionMax)
  description?: string;

  @IsOmittable()
  @IsIn(TASK_PRIORITIES)
  priority?: TaskPriority;

  /** A member of this JIT; null leaves the task unassigned. */
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  assigneeMemberId?: string | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsDateOnly()
  dueDate?: string | null;

  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(TASK_LIMITS.labelsMax)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(TASK_LIMITS.labelMax, { each: true })
  labels?: string[];

  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(TASK_LIMITS.checklistMax)
  @ValidateNested({ each: true })
  @Type(() => ChecklistItemDto)
  checklist?: ChecklistItemDto[];
}

/** An edit names the task's `updatedAt` it started from, so a change made meanwhile is not overwritten (409 otherwise). */
export class UpdateTaskDto extends TaskFieldsDto implements UpdateTaskRequest {
  @IsDefined()
  @IsString()
  @IsISO8601({ strict: true })
  baseUpdatedAt: string;
}

export class MoveTaskDto implements MoveTaskRequest {
  @IsIn(TASK_STATUSES)
  status: TaskStatus;

  @IsInt()
  @Min(0)
  @Max(100000)
  position: number;
}

/**
 * The `:index` of a checklist item: a whole number a checklist can hold, or 400 naming `index`.
 * An index a checklist could hold but this one does not is the service's 409: the list was shortened.
 */
export class ChecklistIndexPipe implements PipeTransform<unknown, number> {
  // The global validation pipe has already turned the text into a number (NaN for "two") for a `number` parameter.
  transform(value: unknown): number {
    const index = Number(value);
    if (!Number.isInteger(index)) throw invalid([{ field: 'index', code: 'invalid_type' }]);
    if (index < 0 || index >= TASK_LIMITS.checklistMax) throw invalid([{ field: 'index', code: 'out_of_range' }]);
    return index;
  }
}

export class TaskListQueryDto implements TaskListQuery {
  @IsOptional() @IsUUID() assigneeMemberId?: string;
  @IsOptional() @IsUUID() partyId?: string;
  @IsOptional() @IsIn(TASK_STATUSES) status?: TaskStatus;
  @IsOptional() @IsDateOnly() dueBefore?: string;
  @IsOptional() @Transform(queryBoolean) @IsBoolean() overdue?: boolean;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(TASK_LIMITS.pageMax) limit?: number;
  /** Opaque to the client; decoded (and refused when malformed) by the service. */
  @IsOptional() @IsString() @MaxLength(500) cursor?: string;
}
