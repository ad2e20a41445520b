import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs';
import { CustodyModule } from './custody/custody.module';
import { EvidenceJobsService } from './evidence-jobs.service';
import { FoldersModule } from './folders/folders.module';
import { ItemsModule } from './items/items.module';
import { ListModule } from './list/list.module';
import { UploadsModule } from './uploads/uploads.module';

/**
 * Evidence exchange, one sub-module per table: uploads/ owns `uploads`, items/ owns
 * `evidence_items` and `evidence_versions`, folders/ owns `evidence_folders`; list/ and custody/
 * read and write through them. The scheduled jobs (upload sweep, fixity cycle) use all three and
 * own no table.
 */
@Module({
  imports: [JobsModule, UploadsModule, ItemsModule, FoldersModule, ListModule, CustodyModule],
  providers: [EvidenceJobsService],
  exports: [EvidenceJobsService],
})
export class EvidenceModule {}
