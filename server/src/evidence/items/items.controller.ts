import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { EvidenceItem, UploadStatusView } from '@jit/shared';
import { Access, Context, CurrentJitAccess, type JitAccess } from '../../access';
import type { RequestContext } from '../../common';
import { CreateEvidenceDto, CreateVersionDto, EvidenceMetadataDto } from './evidence.dto';
import { ItemsService } from './items.service';

@ApiTags('evidence')
@Controller('jits/:jitId')
export class ItemsController {
  constructor(private readonly items: ItemsService) {}

  /** Describes an upload (finished or still travelling); the item is listed once its bytes are complete. */
  @Post('evidence')
  @Access.jit('evidence.upload')
  create(@Context() context: RequestContext, @CurrentJitAccess() access: JitAccess, @Body() dto: CreateEvidenceDto): Promise<EvidenceItem> {
    return this.items.create(context, access, dto);
  }

  @Get('evidence/:itemId')
  @Access.jit('evidence.read')
  get(@CurrentJitAccess() access: JitAccess, @Param('itemId') itemId: string): Promise<EvidenceItem> {
    return this.items.get(access, itemId);
  }

  @Patch('evidence/:itemId')
  @Access.jitEvidenceEdit()
  update(@Context() context: RequestContext, @CurrentJitAccess() access: JitAccess, @Param('itemId') itemId: string, @Body() dto: EvidenceMetadataDto): Promise<EvidenceItem> {
    return this.items.update(context, access, itemId, dto);
  }

  /** A working copy, translation or redacted copy; the original is never replaced. */
  @Post('evidence/:itemId/versions')
  @Access.jit('evidence.upload')
  addVersion(@Context() context: RequestContext, @CurrentJitAccess() access: JitAccess, @Param('itemId') itemId: string, @Body() dto: CreateVersionDto): Promise<EvidenceItem> {
    return this.items.addVersion(context, access, itemId, dto);
  }
}

/** Not tus, beside it: what the metadata form shows while the bytes travel (hash, sniffed type, duplicate). */
@ApiTags('evidence uploads (tus)')
@Controller('jits/:jitId/uploads')
export class UploadStatusController {
  constructor(private readonly items: ItemsService) {}

  @Get(':uploadId/status')
  @Access.jit('evidence.upload')
  status(@CurrentJitAccess() access: JitAccess, @Param('uploadId') uploadId: string): Promise<UploadStatusView> {
    return this.items.uploadStatus(access, uploadId);
  }
}
