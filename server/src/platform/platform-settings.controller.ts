import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PlatformSettings } from '@jit/shared';
import { Access, Context, CurrentSession, StepUp } from '../access';
import type { SessionEntity } from '../auth/entities';
import type { RequestContext } from '../common';
import { PlatformSettingsDto } from './platform-settings.dto';
import { PlatformSettingsService } from './platform-settings.service';

@ApiTags('platform')
@Controller('platform/settings')
export class PlatformSettingsController {
  constructor(private readonly settings: PlatformSettingsService) {}

  @Get()
  @Access.platform('platform_settings.update')
  get(): Promise<PlatformSettings> {
    return this.settings.get();
  }

  @Put()
  @Access.platform('platform_settings.update')
  @StepUp()
  update(@Context() context: RequestContext, @CurrentSession() session: SessionEntity, @Body() dto: PlatformSettingsDto): Promise<PlatformSettings> {
    return this.settings.update(context, dto, session.authLevel === 'second_factor');
  }
}
