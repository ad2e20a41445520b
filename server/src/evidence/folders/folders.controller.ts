import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Folder } from '@jit/shared';
import { Access, Context, CurrentJitAccess, type JitAccess } from '../../access';
import type { RequestContext } from '../../common';
import { CreateFolderDto } from './folder.dto';
import { FoldersService } from './folders.service';

@ApiTags('evidence')
@Controller('jits/:jitId')
export class FoldersController {
  constructor(private readonly folders: FoldersService) {}

  @Get('folders')
  @Access.jit('evidence.read')
  list(@CurrentJitAccess() access: JitAccess): Promise<Folder[]> {
    return this.folders.listFolders(access);
  }

  @Post('folders')
  @Access.jit('folders.manage')
  create(@Context() context: RequestContext, @CurrentJitAccess() access: JitAccess, @Body() dto: CreateFolderDto): Promise<Folder> {
    return this.folders.createFolder(context, access, dto);
  }
}
