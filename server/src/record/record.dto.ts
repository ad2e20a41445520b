import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { AUDIT_ACTIONS, LIMITS, type AuditAction } from '@jit/shared';

export class AuditQueryDto {
  /** Events after this sequence number (for replay after a reconnect). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  afterSeq?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(LIMITS.auditPageMax)
  limit?: number;

  @IsOptional()
  @IsUUID()
  actorUserId?: string;

  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: AuditAction;

  /** ISO 8601 instant */
  @IsOptional()
  @IsISO8601()
  from?: string;

  /** ISO 8601 instant */
  @IsOptional()
  @IsISO8601()
  to?: string;
}
