import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { EvidenceListPage } from '@jit/shared';
import { Access, CurrentJitAccess, type JitAccess } from '../../access';
import { EvidenceListQueryDto } from './evidence-list.dto';
import { EvidenceListService } from './evidence-list.service';

@ApiTags('evidence')
@Controller('jits/:jitId')
export class EvidenceListController {
  constructor(private readonly evidenceList: EvidenceListService) {}

  @Get('evidence')
  @Access.jit('evidence.read')
  list(@CurrentJitAccess() access: JitAccess, @Query() query: EvidenceListQueryDto): Promise<EvidenceListPage> {
    return this.evidenceList.list(access, query);
  }
}
