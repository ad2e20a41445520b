import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Brackets, DataSource, EntityManager, IsNull, type SelectQueryBuilder } from 'typeorm';
import { isUuid, TASK_LIMITS, TASK_STATUSES, todayUtc, type RecordChanges, type Task, type TaskListPage, type TaskStatus } from '@jit/shared';
import { isActiveMembership, ReadAccessService, type JitAccess } from '../access';
import { conflict, created, decodeCursor, diff, encodeCursor, invalid, type RequestContext } from '../common';
import { readThroughIndex, Transactions } from '../database';
import { JitsService } from '../jits';
import { MembershipEntity } from '../members/entities';
import { memberActor, RecordService } from '../record';
import { UserEntity } from '../users/entities';
import type { ChecklistItemDto, MoveTaskDto, TaskFieldsDto, TaskListQueryDto, UpdateTaskDto } from './task.dto';
import { TASK_LIST_INDEXES, TaskEntity } from './task.entity';
import { displayNames } from '../people';

/** The last task of a page, in board order: the next page starts after it. */
interface TaskCursor {
  s: TaskStatus;
  p: number;
  id: string;
}
const cursorOf = (task: TaskEntity): string => encodeCursor({ s: task.status, p: task.position, id: task.id } satisfies TaskCursor);
const acceptCursor = (values: Record<string, unknown>): TaskCursor | null =>
  (TASK_STATUSES as readonly unknown[]).includes(values.s) && Number.isSafeInteger(values.p) && isUuid(values.id)
    ? { s: values.s as TaskStatus, p: values.p as number, id: values.id }
    : null;

/**
 * A changed task's new `updatedAt`, always later than the one it replaces: edits name the `updatedAt`
 * they started from, so two changes within one millisecond must not leave it equal.
 */
const nextUpdatedAt = (task: TaskEntity): Date => new Date(Math.max(Date.now(), task.updatedAt.getTime() + 1));

/** Tasks of a JIT: leaders create and assign; the assignee and leaders move them on the board. */
@Injectable()
export class TasksService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly jits: JitsService,
    private readonly record: RecordService,
    private readonly readAccess: ReadAccessService,
  ) {}

  /**
   * One page in board order (status, position, id), keyset-paginated so a page costs the same
   * however many tasks come before it.
   */
  async list(access: JitAccess, query: TaskListQueryDto): Promise<TaskListPage> {
    const limit = query.limit ?? TASK_LIMITS.pageDefault;
    const cursor = query.cursor ? decodeCursor(query.cursor, acceptCursor) : null;
    const { filtered, index } = await this.filtered(access, query);
    // With a status filter, status is one value and stays out of ORDER BY. MariaDB does not drop a
    // column compared with a constant from ORDER BY when the constant's collation (the connection's,
    // utf8mb4_unicode_ci) differs from the column's (the database's default, often
    // utf8mb4_general_ci); it then sorts the whole column rather than read the index in order
    // (ANALYZE: 25,000 rows filesorted for a page of 50 in a JIT of 100,000 tasks).
    const inBoardOrder = (qb: SelectQueryBuilder<TaskEntity>) => (query.status ? qb : qb.addOrderBy('t.status', 'ASC')).addOrderBy('t.position', 'ASC').addOrderBy('t.id', 'ASC');
    let rows: TaskEntity[];
    if (!cursor) {
      rows = await readThroughIndex(TaskEntity, inBoardOrder(filtered()), index, limit + 1);
    } else {
      // "(status, position, id) after the cursor" in one condition is a tight index range only for
      // SQLite's row comparison; MariaDB turns neither that nor its OR expansion into a range and
      // reads every row of the JIT before the cursor (seen with EXPLAIN). So the page is read in
      // at most two ranges that both drivers seek straight into: the rest of the cursor's column,
      // then the columns after it.
      const sameColumn = filtered()
        .andWhere('t.status = :cursorStatus AND t.position >= :cursorPosition', { cursorStatus: cursor.s, cursorPosition: cursor.p })
        .andWhere(
          new Brackets((w) => {
            w.where('t.position > :cursorPosition').orWhere('t.id > :cursorId', { cursorId: cursor.id });
          }),
        )
        .orderBy('t.position', 'ASC')
        .addOrderBy('t.id', 'ASC');
      rows = await readThroughIndex(TaskEntity, sameColumn, index, limit + 1);
      // With a status filter on the cursor's column, the later columns hold nothing: spare the query.
      if (rows.length <= limit && query.status !== cursor.s) {
        const later = inBoardOrder(filtered().andWhere('t.status > :cursorStatus', { cursorStatus: cursor.s }));
        rows.push(...(await readThroughIndex(TaskEntity, later, index, limit + 1 - rows.length)));
      }
    }
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: await this.present(page), nextCursor: rows.length > limit && last ? cursorOf(last) : null };
  }

  /**
   * A fresh query of the JIT's tasks with the filters applied, once per range a page reads, and the
   * index whose prefix the filters fix, so that it yields the rows in board order (null: no index does).
   */
  private async filtered(access: JitAccess, query: TaskListQueryDto): Promise<{ filtered: () => SelectQueryBuilder<TaskEntity>; index: string | null }> {
    const partyMembers = query.partyId ? (await this.dataSource.getRepository(MembershipEntity).findBy({ jitId: access.jit.id, partyId: query.partyId })).map((m) => m.id) : null;
    // An assignee, or a party of one member (or none: nothing matches), fixes the assignee index's
    // prefix. A party of several members is several ranges of it, none in board order; whether a
    // walk along the board skipping other parties' tasks or a sort of the party's tasks costs less
    // depends on the party's share, which the optimizer estimates and this code cannot.
    // Other filters (due date, overdue) match no index: the board is walked and they are checked on
    // the way, as the optimizer itself chooses.
    const index = query.assigneeMemberId || (partyMembers && partyMembers.length <= 1) ? TASK_LIST_INDEXES.assignee : partyMembers ? null : TASK_LIST_INDEXES.board;
    const filtered = () => {
      const qb = this.readAccess.scope(this.dataSource.getRepository(TaskEntity).createQueryBuilder('t'), 'task', 't', this.readAccess.reader(access));
      if (query.assigneeMemberId) qb.andWhere('t.assigneeMemberId = :assignee', { assignee: query.assigneeMemberId });
      if (query.status) qb.andWhere('t.status = :status', { status: query.status });
      if (query.dueBefore) qb.andWhere('t.dueDate <= :dueBefore', { dueBefore: query.dueBefore });
      if (query.overdue) qb.andWhere('t.dueDate < :today AND t.status <> :done', { today: todayUtc(), done: 'done' });
      // A party with no members matches nothing; an empty IN () is not valid SQL.
      if (partyMembers) qb.andWhere('t.assigneeMemberId IN (:...partyMembers)', { partyMembers: partyMembers.length ? partyMembers : [''] });
      return qb;
    };
    return { filtered, index };
  }

  /** "My tasks" across every JIT where the person is still an active member. */
  async mine(user: UserEntity): Promise<Task[]> {
    const memberships = (await this.dataSource.getRepository(MembershipEntity).findBy({ userId: user.id, revokedAt: IsNull() })).filter((m) => isActiveMembership(m));
    if (memberships.length === 0) return [];
    const perJit = await Promise.all(
      memberships.map((m) => {
        const assigned = this.dataSource.getRepository(TaskEntity).createQueryBuilder('t').where('t.assigneeMemberId = :me', { me: m.id });
        return this.readAccess.scope(assigned, 'task', 't', this.readAccess.memberReaderOf(m)).getMany();
      }),
    );
    // Soonest due first, those without a due date before them (as the databases order NULL), then oldest.
    const due = (t: TaskEntity) => t.dueDate ?? '';
    return this.present(perJit.flat().sort((x, y) => due(x).localeCompare(due(y)) || x.createdAt.getTime() - y.createdAt.getTime()));
  }

  async get(access: JitAccess, taskId: string): Promise<Task> {
    const [task] = await this.present([await this.require(this.dataSource.manager, access, taskId)]);
    return task;
  }

  /** The assignee must be an active member of this JIT; returns their account for "my tasks". */
  private async assignee(manager: EntityManager, access: JitAccess, memberId: string | null | undefined): Promise<string | null> {
    if (!memberId) return null;
    const membership = await manager.getRepository(MembershipEntity).findOneBy({ id: memberId, jitId: access.jit.id });
    if (!membership || !isActiveMembership(membership)) throw invalid([{ field: 'assigneeMemberId', code: 'invalid_value' }], 'Assign the task to an active member of this JIT.');
    return membership.userId;
  }

  async create(context: RequestContext, access: JitAccess, dto: TaskFieldsDto): Promise<Task> {
    if (!dto.title) throw invalid([{ field: 'title', code: 'required' }]);
    const task = await this.transactions.run(async (manager) => {
      await this.jits.loadForWrite(manager, access.jit.id);
      const assigneeUserId = await this.assignee(manager, access, dto.assigneeMemberId);
      const now = new Date();
      const task: TaskEntity = {
        id: randomUUID(),
        jitId: access.jit.id,
        title: dto.title ?? '',
        description: dto.description ?? '',
        status: 'todo',
        position: await manager.getRepository(TaskEntity).countBy({ jitId: access.jit.id, status: 'todo' }),
        priority: dto.priority ?? 'normal',
        assigneeMemberId: dto.assigneeMemberId ?? null,
        assigneeUserId,
        assigningPartyId: access.membership?.partyId ?? '',
        dueDate: dto.dueDate ?? null,
        labels: dto.labels ?? [],
        checklist: dto.checklist ?? [],
        createdBy: access.user.id,
        createdAt: now,
        updatedAt: now,
      };
      await manager.insert(TaskEntity, { ...task });
      await this.record.append(manager, memberActor(context, access), {
        action: 'task.created',
        subjectId: task.id,
        changes: created({ title: task.title, priority: task.priority, assigneeMemberId: task.assigneeMemberId, dueDate: task.dueDate }),
      });
      return task;
    });
    return this.get(access, task.id);
  }

  /**
   * Applies a leader's edit if the task is still as the leader saw it (`baseUpdatedAt`, checked under
   * the row lock): the edit replaces whole fields, the checklist too, so applying it over a change
   * made meanwhile (another edit, a ticked item, a move) would silently undo that change.
   */
  async update(context: RequestContext, access: JitAccess, taskId: string, dto: UpdateTaskDto): Promise<Task> {
    const { baseUpdatedAt, ...fields } = dto;
    await this.transactions.run(async (manager) => {
      await this.jits.loadForWrite(manager, access.jit.id);
      const task = await this.require(manager, access, taskId, true);
      // Compared as millisecond instants, the precision the column stores and the Task presents, so any ISO
      // notation of the same instant matches; ISO text that is no instant (a week, "2026-W01") parses to NaN and matches nothing.
      if (Date.parse(baseUpdatedAt) !== task.updatedAt.getTime()) {
        throw conflict('stale_revision', 'This task was changed by someone else since you opened it; reload it to see their change, then edit again.');
      }
      const patch: Partial<TaskEntity> = { ...fields };
      if (fields.assigneeMemberId !== undefined) patch.assigneeUserId = await this.assignee(manager, access, fields.assigneeMemberId);
      await this.saveUpdate(manager, context, access, task, patch, diff(task, { ...fields }));
    });
    return this.get(access, taskId);
  }

  /**
   * Ticks or unticks one checklist item, for leaders and the assignee. The item is named by its place
   * and its text as the caller saw it, checked under the row lock: an item that now reads otherwise
   * or is gone means the checklist was edited meanwhile, and ticking whatever sits there now would
   * tick the wrong thing. Other items are left as they are, so concurrent ticks of different items all stay.
   */
  async tickChecklistItem(context: RequestContext, access: JitAccess, taskId: string, index: number, dto: ChecklistItemDto): Promise<Task> {
    await this.transactions.run(async (manager) => {
      await this.jits.loadForWrite(manager, access.jit.id);
      const task = await this.require(manager, access, taskId, true);
      const item = task.checklist[index];
      if (!item || item.text !== dto.text) throw conflict('conflict', 'The checklist changed; reload the task and try again.');
      const checklist = task.checklist.map((current, i) => (i === index ? { ...current, done: dto.done } : current));
      await this.saveUpdate(manager, context, access, task, { checklist }, diff(task, { checklist }));
    });
    return this.get(access, taskId);
  }

  /** Writes an edit and records it as `task.updated`; an edit that changes nothing is neither written nor recorded. */
  private async saveUpdate(
    manager: EntityManager,
    context: RequestContext,
    access: JitAccess,
    task: TaskEntity,
    patch: Partial<TaskEntity>,
    changes: RecordChanges<'task.updated'>,
  ): Promise<void> {
    if (changes.length === 0) return;
    await manager.update(TaskEntity, { id: task.id }, { ...patch, updatedAt: nextUpdatedAt(task) });
    await this.record.append(manager, memberActor(context, access), { action: 'task.updated', subjectId: task.id, changes });
  }

  /** Moves a task to a status column and a place in it; both columns are renumbered so the order is kept. */
  async move(context: RequestContext, access: JitAccess, taskId: string, dto: MoveTaskDto): Promise<Task> {
    await this.transactions.run(async (manager) => {
      await this.jits.loadForWrite(manager, access.jit.id);
      const task = await this.require(manager, access, taskId, true);
      const column = async (status: TaskStatus) =>
        (await manager.getRepository(TaskEntity).find({ where: { jitId: access.jit.id, status }, order: { position: 'ASC', createdAt: 'ASC' } })).filter((t) => t.id !== task.id);
      const target = await column(dto.status);
      const position = Math.min(dto.position, target.length);
      target.splice(position, 0, task);
      const renumber = async (tasks: TaskEntity[], status: TaskStatus) => {
        for (const [index, t] of tasks.entries()) {
          if (t.position !== index || t.status !== status)
            await manager.update(TaskEntity, { id: t.id }, { position: index, status, ...(t.id === task.id ? { updatedAt: nextUpdatedAt(task) } : {}) });
        }
      };
      if (task.status !== dto.status) await renumber(await column(task.status), task.status);
      await renumber(target, dto.status);
      await this.record.append(manager, memberActor(context, access), {
        action: 'task.moved',
        subjectId: task.id,
        changes: [
          { field: 'status', from: task.status, to: dto.status },
          { field: 'position', from: task.position, to: position },
        ],
      });
    });
    return this.get(access, taskId);
  }

  private require(manager: EntityManager, access: JitAccess, taskId: string, lock = false): Promise<TaskEntity> {
    return this.readAccess.require(manager, 'task', taskId, this.readAccess.reader(access), { lock });
  }

  private async present(tasks: TaskEntity[]): Promise<Task[]> {
    const names = await displayNames(
      this.dataSource.manager,
      tasks.map((t) => t.assigneeUserId),
    );
    const today = todayUtc();
    return tasks.map((t) => ({
      id: t.id,
      jitId: t.jitId,
      title: t.title,
      description: t.description,
      status: t.status,
      position: t.position,
      priority: t.priority,
      assigneeMemberId: t.assigneeMemberId,
      assigneeUserId: t.assigneeUserId,
      assigneeName: t.assigneeUserId ? (names.get(t.assigneeUserId) ?? null) : null,
      assigningPartyId: t.assigningPartyId,
      dueDate: t.dueDate,
      overdue: t.dueDate !== null && t.dueDate < today && t.status !== 'done',
      labels: t.labels,
      checklist: t.checklist,
      createdBy: t.createdBy,
      createdAt: t.createdAt.toISOString(),
      updatedAt: t.updatedAt.toISOString(),
    }));
  }
}
