import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { type RecordChanges, type Link, type WorkSubjectRef } from '@jit/shared';
import { ReadAccessService, subjectKey, type JitAccess } from '../access';
import { conflict, invalid, type RequestContext } from '../common';
import { Transactions } from '../database';
import { JitsService } from '../jits';
import { memberActor, RecordService } from '../record';
import type { CreateLinkDto, LinkListQueryDto } from './link.dto';
import { LinkEntity } from './link.entity';
import { displayNames } from '../people';

/** The stored order of a pair's ends: one row per pair, whichever end it was made from. */
const ordered = (x: WorkSubjectRef, y: WorkSubjectRef): [WorkSubjectRef, WorkSubjectRef] => (subjectKey(x) <= subjectKey(y) ? [x, y] : [y, x]);

/** Links between evidence items, notes and tasks; each end lists the link, showing the other end only to those who may read it. */
@Injectable()
export class LinksService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly jits: JitsService,
    private readonly record: RecordService,
    private readonly readAccess: ReadAccessService,
  ) {}

  async list(access: JitAccess, query: LinkListQueryDto): Promise<Link[]> {
    const subject: WorkSubjectRef = { type: query.subjectType, id: query.subjectId };
    const reader = this.readAccess.reader(access);
    await this.readAccess.requireSubject(this.dataSource.manager, reader, subject, 'subjectId');
    const around = this.dataSource
      .getRepository(LinkEntity)
      .createQueryBuilder('l')
      .where('((l.aType = :type AND l.aId = :id) OR (l.bType = :type AND l.bId = :id))', { type: subject.type, id: subject.id })
      .orderBy('l.createdAt', 'ASC');
    const rows = await this.readAccess.scope(around, 'link', 'l', reader).getMany();
    return this.present(access, subject, rows);
  }

  async create(context: RequestContext, access: JitAccess, dto: CreateLinkDto): Promise<Link> {
    const from: WorkSubjectRef = { type: dto.fromType, id: dto.fromId };
    const to: WorkSubjectRef = { type: dto.toType, id: dto.toId };
    if (subjectKey(from) === subjectKey(to)) throw invalid([{ field: 'toId', code: 'invalid_value' }], 'Link two different items, notes or tasks.');
    const link = await this.transactions.run(async (manager) => {
      await this.jits.loadForWrite(manager, access.jit.id);
      const reader = this.readAccess.reader(access);
      await this.readAccess.requireSubject(manager, reader, from, 'fromId');
      await this.readAccess.requireSubject(manager, reader, to, 'toId');
      const [a, b] = ordered(from, to);
      const pair = { jitId: access.jit.id, aType: a.type, aId: a.id, bType: b.type, bId: b.id };
      if (await manager.getRepository(LinkEntity).existsBy(pair)) throw conflict('link_exists', 'These two are already linked.');
      const link: LinkEntity = { id: randomUUID(), ...pair, createdBy: access.user.id, createdByPartyId: access.membership?.partyId ?? '', createdAt: new Date() };
      await manager.insert(LinkEntity, { ...link });
      await this.record.append(manager, memberActor(context, access), {
        action: 'link.added',
        subjectId: link.id,
        changes: this.ends(link, 'added'),
      });
      return link;
    });
    const [presented] = await this.present(access, from, [link]);
    return presented;
  }

  async remove(context: RequestContext, access: JitAccess, linkId: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      await this.jits.loadForWrite(manager, access.jit.id);
      // A link one of whose ends the person may not read is not theirs to see, nor to remove.
      const link = await this.readAccess.require(manager, 'link', linkId, this.readAccess.reader(access));
      await manager.delete(LinkEntity, { id: link.id });
      await this.record.append(manager, memberActor(context, access), {
        action: 'link.removed',
        subjectId: link.id,
        changes: this.ends(link, 'removed'),
      });
    });
  }

  /** The record names both ends, so an item's history shows what it was linked to and when. */
  private ends(link: LinkEntity, change: 'added' | 'removed'): RecordChanges<'link.added' | 'link.removed'> {
    const value = (ref: string) => (change === 'added' ? { from: null, to: ref } : { from: ref, to: null });
    return [
      { field: 'a', ...value(subjectKey({ type: link.aType, id: link.aId })) },
      { field: 'b', ...value(subjectKey({ type: link.bType, id: link.bId })) },
    ];
  }

  /** Each link as seen from `subject`; links whose other end this person may not read are left out entirely. */
  private async present(access: JitAccess, subject: WorkSubjectRef, rows: LinkEntity[]): Promise<Link[]> {
    const others = rows.map((row) => (row.aType === subject.type && row.aId === subject.id ? { type: row.bType, id: row.bId } : { type: row.aType, id: row.aId }));
    const summaries = await this.readAccess.summaries(this.readAccess.reader(access), others);
    const names = await displayNames(
      this.dataSource.manager,
      rows.map((r) => r.createdBy),
    );
    return rows.flatMap((row, index) => {
      const other = summaries.get(subjectKey(others[index]));
      if (!other) return [];
      return [{ id: row.id, jitId: row.jitId, other, createdBy: row.createdBy, createdByName: names.get(row.createdBy) ?? '', createdAt: row.createdAt.toISOString() }];
    });
  }
}
