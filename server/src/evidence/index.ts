/** What other folders may use of evidence/. */
export { EvidenceModule } from './evidence.module';
export { EvidenceJobsService } from './evidence-jobs.service';
export { CustodyService } from './custody/custody.service';
export { FoldersService } from './folders/folders.service';
export { ItemsService } from './items/items.service';
export { UploadsService } from './uploads/uploads.service';
export * from './entities';
