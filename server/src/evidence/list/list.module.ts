import { Module } from '@nestjs/common';
import { EvidenceListController } from './evidence-list.controller';
import { EvidenceListService } from './evidence-list.service';

/** The evidence list: reads `evidence_items`, owns no table. */
@Module({ controllers: [EvidenceListController], providers: [EvidenceListService] })
export class ListModule {}
