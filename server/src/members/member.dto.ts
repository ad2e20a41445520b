import { IsIn, IsISO8601, IsOptional, IsUUID, ValidateIf } from 'class-validator';
import { IsOmittable } from '../common';
import { JIT_ROLES, type AddMemberRequest, type JitRole, type UpdateMemberRequest } from '@jit/shared';

export class AddMemberDto implements AddMemberRequest {
  @IsUUID()
  userId: string;

  /** A party or participant of this JIT. */
  @IsUUID()
  partyId: string;

  @IsIn(JIT_ROLES)
  role: JitRole;

  /** Optional end of this person's access (UTC instant, in the future). */
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsISO8601({ strict: true })
  accessExpiresAt?: string | null;
}

export class UpdateMemberDto implements UpdateMemberRequest {
  @IsOmittable()
  @IsIn(JIT_ROLES)
  role?: JitRole;

  /** null removes the expiry. */
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsISO8601({ strict: true })
  accessExpiresAt?: string | null;
}
