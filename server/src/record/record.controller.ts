import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { jitChain, PLATFORM_CHAIN, type AuditPage, type ChainVerification } from '@jit/shared';
import { Access, CurrentJitAccess, ReadAccessService, type JitAccess } from '../access';
import { AuditQueryDto } from './record.dto';
import { RecordService } from './record.service';

@ApiTags('the record')
@Controller()
export class RecordController {
  constructor(
    private readonly record: RecordService,
    private readonly readAccess: ReadAccessService,
  ) {}

  /** Leaders and legal advisers see every event; other members the events shared with the whole team. */
  @Get('jits/:jitId/audit')
  @Access.jit('record.read')
  list(@CurrentJitAccess() access: JitAccess, @Query() query: AuditQueryDto): Promise<AuditPage> {
    return this.record.list(jitChain(access.jit.id), { ...query, reader: this.readAccess.reader(access) });
  }

  @Get('jits/:jitId/audit/verify')
  @Access.jit('record.verify')
  verify(@CurrentJitAccess() access: JitAccess): Promise<ChainVerification> {
    return this.record.verify(jitChain(access.jit.id));
  }

  /** The platform chain: accounts, logins, failed logins, JIT creation. */
  @Get('audit')
  @Access.platform('platform_record.read')
  listPlatform(@Query() query: AuditQueryDto): Promise<AuditPage> {
    return this.record.list(PLATFORM_CHAIN, { ...query, reader: 'whole_chain' });
  }

  @Get('audit/verify')
  @Access.platform('platform_record.read')
  verifyPlatform(): Promise<ChainVerification> {
    return this.record.verify(PLATFORM_CHAIN);
  }
}
