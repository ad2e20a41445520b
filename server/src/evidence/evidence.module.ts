import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { JitsModule } from '../jits/jits.module';
import { JobsModule } from '../jobs/jobs.module';
import { RecordModule } from '../record/record.module';
import { FoldersModule } from './folders/folders.module';
import { ListModule } from './list/list.module';
import { CustodyService } from './custody/custody.service';
import { CustodyController } from './custody/custody.controller';
import { ItemsController, UploadStatusController } from './items/items.controller';
import { EvidenceJobsService } from './evidence-jobs.service';
import { ItemsService } from './items/items.service';
import { TusController } from './uploads/tus.controller';
import { UploadsService } from './uploads/uploads.service';

@Module({
  imports: [AccessModule, JitsModule, JobsModule, RecordModule, FoldersModule, ListModule],
  controllers: [TusController, ItemsController, UploadStatusController, CustodyController],
  providers: [ItemsService, UploadsService, CustodyService, EvidenceJobsService],
  exports: [EvidenceJobsService],
})
export class EvidenceModule {}
