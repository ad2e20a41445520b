import { Module } from '@nestjs/common';
import { RecordModule } from '../record';
import { PlatformSettingsController } from './platform-settings.controller';
import { PlatformSettingsService } from './platform-settings.service';

@Module({ imports: [RecordModule], controllers: [PlatformSettingsController], providers: [PlatformSettingsService], exports: [PlatformSettingsService] })
export class PlatformModule {}
