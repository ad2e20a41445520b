import { Module } from '@nestjs/common';
import { AccessModule } from '../../access';
import { EvidenceListController } from './evidence-list.controller';
import { EvidenceListService } from './evidence-list.service';

/** The evidence list: reads `evidence_items`, owns no table. */
@Module({ imports: [AccessModule], controllers: [EvidenceListController], providers: [EvidenceListService] })
export class ListModule {}
