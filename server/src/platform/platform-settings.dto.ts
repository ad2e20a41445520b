import { IsBoolean } from 'class-validator';
import type { PlatformSettings } from '@jit/shared';

export class PlatformSettingsDto implements PlatformSettings {
  @IsBoolean()
  secondFactorRequired: boolean;
}
