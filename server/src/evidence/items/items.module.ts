import { Module } from '@nestjs/common';
import { AccessModule } from '../../access';
import { JitsModule } from '../../jits';
import { RecordModule } from '../../record';
import { FoldersModule } from '../folders/folders.module';
import { UploadsModule } from '../uploads/uploads.module';
import { ItemsController, UploadStatusController } from './items.controller';
import { ItemsService } from './items.service';

/** Owns `evidence_items` and `evidence_versions`. */
@Module({
  imports: [AccessModule, JitsModule, RecordModule, UploadsModule, FoldersModule],
  controllers: [ItemsController, UploadStatusController],
  providers: [ItemsService],
  exports: [ItemsService],
})
export class ItemsModule {}
