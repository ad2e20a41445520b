import { Transform } from 'class-transformer';
import { IsEmail, IsISO8601, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { LIMITS, type ChangePasswordRequest, type CreateApiTokenRequest, type Language, type LoginRequest, type SetupRequest, type UpdateProfileRequest } from '@jit/shared';
import { IsLanguage, IsOmittable, IsTimeZone, normaliseEmail, trim } from '../common';

export class LoginDto implements LoginRequest {
  @Transform(normaliseEmail)
  @IsString()
  @MaxLength(LIMITS.emailMax)
  email: string;

  @IsString()
  @MaxLength(LIMITS.passwordMax)
  password: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @IsString()
  @MaxLength(LIMITS.passwordMax)
  currentPassword: string;

  @IsString()
  @MinLength(LIMITS.passwordMin)
  @MaxLength(LIMITS.passwordMax)
  newPassword: string;
}

export class UpdateProfileDto implements UpdateProfileRequest {
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.displayNameMax)
  displayName?: string;

  @IsOmittable()
  @IsLanguage()
  language?: Language;

  @IsOmittable()
  @IsTimeZone()
  timeZone?: string;
}

export class SetupDto implements SetupRequest {
  /** Printed in the server console as "Setup token: …" while no account exists. */
  @IsString()
  @MaxLength(LIMITS.setupTokenMax)
  setupToken: string;

  @Transform(normaliseEmail)
  @IsString()
  @MaxLength(LIMITS.emailMax)
  @IsEmail()
  email: string;

  @IsString()
  @MinLength(LIMITS.passwordMin)
  @MaxLength(LIMITS.passwordMax)
  password: string;

  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.displayNameMax)
  displayName: string;
}

export class CreateApiTokenDto implements CreateApiTokenRequest {
  /** What the token is for, e.g. "forensic workstation import script". */
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  /** Optional end of validity (UTC instant, in the future). */
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsISO8601({ strict: true })
  expiresAt?: string | null;
}
