import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { type RecordChanges, type RecordEventInput, type Note, type NoteRevision, type NoteSummary } from '@jit/shared';
import { ReadAccessService, type JitAccess } from '../access';
import { conflict, created, notFound, type RequestContext } from '../common';
import { Transactions } from '../database';
import { JitsService } from '../jits';
import { memberActor, RecordService } from '../record';
import type { CreateNoteDto, RestoreNoteDto, UpdateNoteDto } from './note.dto';
import { NoteEntity, NoteRevisionEntity } from './note.entity';
import { displayNames } from '../people';

/** Bodies enter the record as digests: the record proves what changed without copying notes into it. */
const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

interface Content {
  title: string;
  body: string;
  tags: string[];
}

function contentChanges(before: Content | null, after: Content): RecordChanges<'note.updated'> {
  const changes: RecordChanges<'note.updated'> = [];
  if (before?.title !== after.title) changes.push({ field: 'title', from: before?.title ?? null, to: after.title });
  if (before?.body !== after.body) changes.push({ field: 'bodySha256', from: before ? digest(before.body) : null, to: digest(after.body) });
  if (JSON.stringify(before?.tags ?? null) !== JSON.stringify(after.tags)) changes.push({ field: 'tags', from: before?.tags ?? null, to: after.tags });
  return changes;
}

/**
 * Markdown notes with their full history. A save names the revision it was based on; a save based
 * on an older one is refused (409), so concurrent edits surface as a conflict, never as a loss.
 */
@Injectable()
export class NotesService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly jits: JitsService,
    private readonly record: RecordService,
    private readonly readAccess: ReadAccessService,
  ) {}

  async list(access: JitAccess): Promise<NoteSummary[]> {
    const query = this.dataSource.getRepository(NoteEntity).createQueryBuilder('n').orderBy('n.updatedAt', 'DESC');
    const notes = await this.readAccess.scope(query, 'note', 'n', this.readAccess.reader(access)).getMany();
    const names = await displayNames(
      this.dataSource.manager,
      notes.map((n) => n.updatedBy),
    );
    return notes.map((n) => this.summary(n, names));
  }

  async get(access: JitAccess, noteId: string): Promise<Note> {
    return this.present(await this.require(this.dataSource.manager, access, noteId));
  }

  async revisions(access: JitAccess, noteId: string): Promise<NoteRevision[]> {
    const note = await this.require(this.dataSource.manager, access, noteId);
    const revisions = await this.dataSource.getRepository(NoteRevisionEntity).find({ where: { noteId: note.id }, order: { revision: 'ASC' } });
    const names = await displayNames(
      this.dataSource.manager,
      revisions.map((r) => r.authorId),
    );
    return revisions.map((r) => ({
      revision: r.revision,
      title: r.title,
      body: r.body,
      tags: r.tags,
      authorId: r.authorId,
      authorName: names.get(r.authorId) ?? '',
      createdAt: r.createdAt.toISOString(),
      restoredFrom: r.restoredFrom,
    }));
  }

  async create(context: RequestContext, access: JitAccess, dto: CreateNoteDto): Promise<Note> {
    const note = await this.transactions.run(async (manager) => {
      await this.jits.loadForWrite(manager, access.jit.id);
      const now = new Date();
      const content: Content = { title: dto.title, body: dto.body, tags: dto.tags ?? [] };
      const note: NoteEntity = {
        id: randomUUID(),
        jitId: access.jit.id,
        ...content,
        revision: 1,
        createdBy: access.user.id,
        createdAt: now,
        updatedBy: access.user.id,
        updatedAt: now,
      };
      await manager.insert(NoteEntity, { ...note });
      await this.saveRevision(manager, note, null);
      await this.record.append(manager, memberActor(context, access), {
        action: 'note.created',
        subjectId: note.id,
        changes: [...contentChanges(null, content), { field: 'revision', from: null, to: 1 }],
      });
      return note;
    });
    return this.present(note);
  }

  async update(context: RequestContext, access: JitAccess, noteId: string, dto: UpdateNoteDto): Promise<Note> {
    const { baseRevision, ...patch } = dto;
    return this.save(
      context,
      access,
      noteId,
      baseRevision,
      (current) => ({ title: patch.title ?? current.title, body: patch.body ?? current.body, tags: patch.tags ?? current.tags }),
      null,
    );
  }

  async restore(context: RequestContext, access: JitAccess, noteId: string, dto: RestoreNoteDto): Promise<Note> {
    const note = await this.require(this.dataSource.manager, access, noteId);
    const old = await this.dataSource.getRepository(NoteRevisionEntity).findOneBy({ noteId: note.id, revision: dto.revision });
    if (!old) throw notFound('This revision');
    return this.save(context, access, noteId, dto.baseRevision, () => ({ title: old.title, body: old.body, tags: old.tags }), dto.revision);
  }

  /** One save: checks the base revision under a lock, writes the next revision and its record event. */
  private async save(
    context: RequestContext,
    access: JitAccess,
    noteId: string,
    baseRevision: number,
    next: (current: NoteEntity) => Content,
    restoredFrom: number | null,
  ): Promise<Note> {
    const note = await this.transactions.run(async (manager) => {
      await this.jits.loadForWrite(manager, access.jit.id);
      const current = await this.require(manager, access, noteId, true);
      if (current.revision !== baseRevision) {
        throw conflict(
          'stale_revision',
          `This note was saved by someone else since revision ${baseRevision} (it is now at ${current.revision}); compare both versions and save again.`,
        );
      }
      const content = next(current);
      const changes = contentChanges(current, content);
      if (changes.length === 0 && restoredFrom === null) return current;
      const updated: NoteEntity = { ...current, ...content, revision: current.revision + 1, updatedBy: access.user.id, updatedAt: new Date() };
      await manager.update(NoteEntity, { id: current.id }, { ...content, revision: updated.revision, updatedBy: updated.updatedBy, updatedAt: updated.updatedAt });
      await this.saveRevision(manager, updated, restoredFrom);
      const saved = [...changes, { field: 'revision' as const, from: current.revision, to: updated.revision }];
      const entry: RecordEventInput<'note.updated' | 'note.restored'> =
        restoredFrom === null
          ? { action: 'note.updated', subjectId: current.id, changes: saved }
          : { action: 'note.restored', subjectId: current.id, changes: [...saved, ...created({ restoredFrom })] };
      await this.record.append(manager, memberActor(context, access), entry);
      return updated;
    });
    return this.present(note);
  }

  private async saveRevision(manager: EntityManager, note: NoteEntity, restoredFrom: number | null): Promise<void> {
    await manager.insert(NoteRevisionEntity, {
      id: randomUUID(),
      noteId: note.id,
      revision: note.revision,
      title: note.title,
      body: note.body,
      tags: note.tags,
      authorId: note.updatedBy,
      createdAt: note.updatedAt,
      restoredFrom,
    });
  }

  private require(manager: EntityManager, access: JitAccess, noteId: string, lock = false): Promise<NoteEntity> {
    return this.readAccess.require(manager, 'note', noteId, this.readAccess.reader(access), { lock });
  }

  private summary(note: NoteEntity, names: ReadonlyMap<string, string>): NoteSummary {
    return {
      id: note.id,
      title: note.title,
      tags: note.tags,
      revision: note.revision,
      updatedAt: note.updatedAt.toISOString(),
      updatedBy: note.updatedBy,
      updatedByName: names.get(note.updatedBy) ?? '',
    };
  }

  private async present(note: NoteEntity): Promise<Note> {
    const names = await displayNames(this.dataSource.manager, [note.updatedBy]);
    return { ...this.summary(note, names), jitId: note.jitId, body: note.body, createdAt: note.createdAt.toISOString(), createdBy: note.createdBy };
  }
}
