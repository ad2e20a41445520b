import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { LIMITS, type CreateUserRequest, type Language, type UpdateUserRequest } from '@jit/shared';
import { IsCountry, IsLanguage, IsOmittable, IsTimeZone, normaliseEmail, trim } from '../common';

export class CreateUserDto implements CreateUserRequest {
  @Transform(normaliseEmail)
  @IsString()
  @MaxLength(LIMITS.emailMax)
  @IsEmail()
  email: string;

  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.displayNameMax)
  displayName: string;

  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.organisationMax)
  organisation: string;

  /** ISO 3166-1 alpha-2 */
  @IsCountry()
  country: string;

  @IsLanguage()
  language: Language;

  /** IANA time zone, e.g. Europe/Paris */
  @IsTimeZone()
  timeZone: string;

  /** Must be changed at first login. */
  @IsString()
  @MinLength(LIMITS.passwordMin)
  @MaxLength(LIMITS.passwordMax)
  initialPassword: string;
}

export class UpdateUserDto implements UpdateUserRequest {
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.displayNameMax)
  displayName?: string;

  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.organisationMax)
  organisation?: string;

  @IsOmittable()
  @IsCountry()
  country?: string;

  /** Disabling ends the account's sessions at once. */
  @IsOmittable()
  @IsBoolean()
  disabled?: boolean;
}
