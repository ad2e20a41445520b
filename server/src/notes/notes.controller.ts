import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Note, NoteRevision, NoteSummary } from '@jit/shared';
import { Access, Context, CurrentJitAccess, type JitAccess } from '../access';
import type { RequestContext } from '../common';
import { CreateNoteDto, RestoreNoteDto, UpdateNoteDto } from './note.dto';
import { NotesService } from './notes.service';

@ApiTags('notes')
@Controller('jits/:jitId/notes')
export class NotesController {
  constructor(private readonly notes: NotesService) {}

  @Get()
  @Access.jit('notes.read')
  list(@CurrentJitAccess() access: JitAccess): Promise<NoteSummary[]> {
    return this.notes.list(access);
  }

  @Post()
  @Access.jit('notes.write')
  create(@Context() context: RequestContext, @CurrentJitAccess() access: JitAccess, @Body() dto: CreateNoteDto): Promise<Note> {
    return this.notes.create(context, access, dto);
  }

  @Get(':noteId')
  @Access.jit('notes.read')
  get(@CurrentJitAccess() access: JitAccess, @Param('noteId') noteId: string): Promise<Note> {
    return this.notes.get(access, noteId);
  }

  /** Saves a new revision; 409 `stale_revision` when `baseRevision` is not the newest. */
  @Patch(':noteId')
  @Access.jit('notes.write')
  update(@Context() context: RequestContext, @CurrentJitAccess() access: JitAccess, @Param('noteId') noteId: string, @Body() dto: UpdateNoteDto): Promise<Note> {
    return this.notes.update(context, access, noteId, dto);
  }

  @Get(':noteId/revisions')
  @Access.jit('notes.read')
  revisions(@CurrentJitAccess() access: JitAccess, @Param('noteId') noteId: string): Promise<NoteRevision[]> {
    return this.notes.revisions(access, noteId);
  }

  /** Restoring makes a new revision with the old content; history is never rewritten. */
  @Post(':noteId/restore')
  @Access.jit('notes.write')
  restore(@Context() context: RequestContext, @CurrentJitAccess() access: JitAccess, @Param('noteId') noteId: string, @Body() dto: RestoreNoteDto): Promise<Note> {
    return this.notes.restore(context, access, noteId, dto);
  }
}
