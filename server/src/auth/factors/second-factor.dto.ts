import { Transform } from 'class-transformer';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { LIMITS, TOTP_CODE_PATTERN, type ConfirmTotpRequest, type SecondFactorRequest, type StepUpRequest } from '@jit/shared';
import { IsOmittable, trim } from '../../common';

/** Room for a recovery code typed with spaces. */
const CODE_MAX = 40;

export class ConfirmTotpDto implements ConfirmTotpRequest {
  /** The six digits the app shows now. */
  @Transform(trim)
  @IsString()
  @Matches(TOTP_CODE_PATTERN)
  code: string;

  /** A name to recognise the device by, e.g. "Work phone". */
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  label: string;
}

export class SecondFactorDto implements SecondFactorRequest {
  /** A code from the authenticator app, or a recovery code. */
  @IsString()
  @MinLength(1)
  @MaxLength(CODE_MAX)
  code: string;
}

export class StepUpDto implements StepUpRequest {
  /** With a second factor enrolled: an app code or a recovery code. */
  @IsOmittable()
  @IsString()
  @MinLength(1)
  @MaxLength(CODE_MAX)
  code?: string;

  /** Without one: the password. */
  @IsOmittable()
  @IsString()
  @MaxLength(LIMITS.passwordMax)
  password?: string;
}
