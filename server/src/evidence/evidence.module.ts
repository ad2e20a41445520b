import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { JitsModule } from '../jits/jits.module';
import { JobsModule } from '../jobs/jobs.module';
import { RecordModule } from '../record/record.module';
import { CustodyService } from './custody.service';
import { EvidenceController } from './evidence.controller';
import { EvidenceJobsService } from './evidence-jobs.service';
import { EvidenceService } from './evidence.service';
import { TusController } from './tus.controller';
import { UploadsService } from './uploads.service';

@Module({
  imports: [AccessModule, JitsModule, JobsModule, RecordModule],
  controllers: [TusController, EvidenceController],
  providers: [EvidenceService, UploadsService, CustodyService, EvidenceJobsService],
  exports: [EvidenceJobsService],
})
export class EvidenceModule {}
