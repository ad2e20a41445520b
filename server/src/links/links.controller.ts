import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Link } from '@jit/shared';
import { Access, Context, CurrentJitAccess, type JitAccess } from '../access';
import type { RequestContext } from '../common';
import { CreateLinkDto, LinkListQueryDto } from './link.dto';
import { LinksService } from './links.service';

@ApiTags('links')
@Controller('jits/:jitId/links')
export class LinksController {
  constructor(private readonly links: LinksService) {}

  @Get()
  @Access.jit('links.read')
  list(@CurrentJitAccess() access: JitAccess, @Query() query: LinkListQueryDto): Promise<Link[]> {
    return this.links.list(access, query);
  }

  @Post()
  @Access.jit('links.write')
  create(@Context() context: RequestContext, @CurrentJitAccess() access: JitAccess, @Body() dto: CreateLinkDto): Promise<Link> {
    return this.links.create(context, access, dto);
  }

  @Delete(':linkId')
  @HttpCode(204)
  @Access.jit('links.write')
  remove(@Context() context: RequestContext, @CurrentJitAccess() access: JitAccess, @Param('linkId') linkId: string): Promise<void> {
    return this.links.remove(context, access, linkId);
  }
}
