import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { jitChain, todayUtc, type Task, type TaskStatus } from '@jit/shared';
import { isActiveMembership, type JitAccess } from '../access/access.service';
import { invalid, notFound } from '../common/app-error';
import { created, diff } from '../common/changes';
import type { RequestContext } from '../common/request-context';
import { Transactions } from '../database/transactions';
import { JitsService } from '../jits/jits.service';
import { Membership } from '../members/membership.entity';
import { RecordService } from '../record/record.service';
import { User } from '../users/user.entity';
import type { MoveTaskDto, TaskFieldsDto, TaskListQueryDto } from './task.dto';
import { TaskRecord } from './task.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Tasks of a JIT: leaders create and assign; the assignee and leaders move them on the board. */
@Injectable()
export class TasksService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly jits: JitsService,
    private readonly record: RecordService,
  ) {}

  async list(access: JitAccess, query: TaskListQueryDto): Promise<Task[]> {
    const qb = this.dataSource.getRepository(TaskRecord).createQueryBuilder('t').where('t.jitId = :jitId', { jitId: access.jit.id });
    if (query.assigneeMemberId) qb.andWhere('t.assigneeMemberId = :assignee', { assignee: query.assigneeMemberId });
    if (query.status) qb.andWhere('t.status = :status', { status: query.status });
    if (query.dueBefore) qb.andWhere('t.dueDate <= :dueBefore', { dueBefore: query.dueBefore });
    if (query.overdue) qb.andWhere('t.dueDate < :today AND t.status <> :done', { today: todayUtc(), done: 'done' });
    if (query.partyId) {
      const members = await this.dataSource.getRepository(Membership).findBy({ jitId: access.jit.id, partyId: query.partyId });
      qb.andWhere('t.assigneeMemberId IN (:...partyMembers)', { partyMembers: members.length ? members.map((m) => m.id) : [''] });
    }
    return this.present(await qb.orderBy('t.status', 'ASC').addOrderBy('t.position', 'ASC').getMany());
  }

  /** "My tasks" across every JIT where the person is still an active member. */
  async mine(user: User): Promise<Task[]> {
    const memberships = (await this.dataSource.getRepository(Membership).findBy({ userId: user.id, revokedAt: IsNull() })).filter((m) => isActiveMembership(m));
    if (memberships.length === 0) return [];
    const tasks = await this.dataSource.getRepository(TaskRecord).find({ where: { assigneeMemberId: In(memberships.map((m) => m.id)) }, order: { dueDate: 'ASC', createdAt: 'ASC' } });
    return this.present(tasks);
  }

  async get(access: JitAccess, taskId: string): Promise<Task> {
    const [task] = await this.present([await this.require(this.dataSource.manager, access, taskId)]);
    return task;
  }

  /** The assignee must be an active member of this JIT; returns their account for "my tasks". */
  private async assignee(manager: EntityManager, access: JitAccess, memberId: string | null | undefined): Promise<string | null> {
    if (!memberId) return null;
    const membership = await manager.getRepository(Membership).findOneBy({ id: memberId, jitId: access.jit.id });
    if (!membership || !isActiveMembership(membership)) throw invalid([{ field: 'assigneeMemberId', code: 'invalid_value' }], 'Assign the task to an active member of this JIT.');
    return membership.userId;
  }

  async create(context: RequestContext, access: JitAccess, dto: TaskFieldsDto): Promise<Task> {
    if (!dto.title) throw invalid([{ field: 'title', code: 'required' }]);
    const task = await this.transactions.run(async (manager) => {
      await this.jits.loadForWrite(manager, access.jit.id);
      const assigneeUserId = await this.assignee(manager, access, dto.assigneeMemberId);
      const now = new Date();
      const task: TaskRecord = {
        id: randomUUID(),
        jitId: access.jit.id,
        title: dto.title ?? '',
        description: dto.description ?? '',
        status: 'todo',
        position: await manager.getRepository(TaskRecord).countBy({ jitId: access.jit.id, status: 'todo' }),
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
      await manager.insert(TaskRecord, { ...task });
      await this.record.append(manager, context, {
        chain: jitChain(access.jit.id),
        action: 'task.created',
        subjectType: 'task',
        subjectId: task.id,
        actorPartyId: access.membership?.partyId,
        changes: created({ title: task.title, priority: task.priority, assigneeMemberId: task.assigneeMemberId, dueDate: task.dueDate }),
      });
      return task;
    });
    return this.get(access, task.id);
  }

  async update(context: RequestContext, access: JitAccess, taskId: string, dto: TaskFieldsDto): Promise<Task> {
    await this.transactions.run(async (manager) => {
      await this.jits.loadForWrite(manager, access.jit.id);
      const task = await this.require(manager, access, taskId, true);
      const patch: Partial<TaskRecord> = { ...dto };
      if (dto.assigneeMemberId !== undefined) patch.assigneeUserId = await this.assignee(manager, access, dto.assigneeMemberId);
      const changes = diff(task, { ...dto });
      if (changes.length === 0) return;
      await manager.update(TaskRecord, { id: task.id }, { ...patch, updatedAt: new Date() });
      await this.record.append(manager, context, { chain: jitChain(access.jit.id), action: 'task.updated', subjectType: 'task', subjectId: task.id, actorPartyId: access.membership?.partyId, changes });
    });
    return this.get(access, taskId);
  }

  /** Moves a task to a status column and a place in it; both columns are renumbered so the order is kept. */
  async move(context: RequestContext, access: JitAccess, taskId: string, dto: MoveTaskDto): Promise<Task> {
    await this.transactions.run(async (manager) => {
      await this.jits.loadForWrite(manager, access.jit.id);
      const task = await this.require(manager, access, taskId, true);
      const column = async (status: TaskStatus) =>
        (await manager.getRepository(TaskRecord).find({ where: { jitId: access.jit.id, status }, order: { position: 'ASC', createdAt: 'ASC' } })).filter((t) => t.id !== task.id);
      const target = await column(dto.status);
      const position = Math.min(dto.position, target.length);
      target.splice(position, 0, task);
      const renumber = async (tasks: TaskRecord[], status: TaskStatus) => {
        for (const [index, t] of tasks.entries()) {
          if (t.position !== index || t.status !== status) await manager.update(TaskRecord, { id: t.id }, { position: index, status, ...(t.id === task.id ? { updatedAt: new Date() } : {}) });
        }
      };
      if (task.status !== dto.status) await renumber(await column(task.status), task.status);
      await renumber(target, dto.status);
      await this.record.append(manager, context, {
        chain: jitChain(access.jit.id),
        action: 'task.moved',
        subjectType: 'task',
        subjectId: task.id,
        actorPartyId: access.membership?.partyId,
        changes: [
          { field: 'status', from: task.status, to: dto.status },
          { field: 'position', from: task.position, to: position },
        ],
      });
    });
    return this.get(access, taskId);
  }

  async require(manager: EntityManager, access: Pick<JitAccess, 'jit'>, taskId: string | undefined, lock = false): Promise<TaskRecord> {
    if (!taskId || !UUID.test(taskId)) throw notFound('This task');
    const query = manager.getRepository(TaskRecord).createQueryBuilder('t').where('t.id = :taskId AND t.jitId = :jitId', { taskId, jitId: access.jit.id });
    if (lock && manager.connection.options.type !== 'better-sqlite3') query.setLock('pessimistic_write');
    const task = await query.getOne();
    if (!task) throw notFound('This task');
    return task;
  }

  private async present(tasks: TaskRecord[]): Promise<Task[]> {
    const ids = [...new Set(tasks.map((t) => t.assigneeUserId).filter((id): id is string => id !== null))];
    const users = ids.length ? await this.dataSource.getRepository(User).findBy({ id: In(ids) }) : [];
    const names = new Map(users.map((u) => [u.id, u.displayName]));
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
