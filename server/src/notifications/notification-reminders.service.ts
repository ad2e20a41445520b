import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { TASK_DUE_SOON_DAYS, todayUtc } from '@jit/shared';
import { isActiveMembership } from '../access';
import { Transactions } from '../database';
import { JitEntity } from '../jits/entities';
import { JobLeasesService, ScheduledJob } from '../jobs';
import { MembershipEntity } from '../members/entities';
import { TaskEntity } from '../tasks/entities';
import type { NotificationDraft } from './notification-channel';
import { NotificationsService } from './notifications.service';

const TICK_MS = 15 * 60_000;
const BATCH = 500;

/**
 * Reminders about open tasks with a due date: "due soon" once the due date is within
 * TASK_DUE_SOON_DAYS, "overdue" once it has passed. Each is sent once per task and due date (a new
 * due date earns a new reminder), by whichever server process holds the lease.
 */
@Injectable()
export class NotificationRemindersService extends ScheduledJob {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly leases: JobLeasesService,
    private readonly notifications: NotificationsService,
  ) {
    super(new Logger('NotificationReminders'), TICK_MS);
  }

  async tick(now = new Date()): Promise<number> {
    if (!(await this.leases.acquire('task-reminders', TICK_MS, now))) return 0;
    return this.remind(now);
  }

  /** Sends the reminders due at `now`; returns how many were decided on (before deduplication). */
  async remind(now = new Date()): Promise<number> {
    const today = todayUtc(now);
    const soonEnd = todayUtc(new Date(now.getTime() + TASK_DUE_SOON_DAYS * 86_400_000));
    let decided = 0;
    let afterId = '';
    for (;;) {
      // The open, assigned tasks due before the end of the "soon" window, a batch at a time by id.
      const tasks = await this.dataSource
        .getRepository(TaskEntity)
        .createQueryBuilder('t')
        .select(['t.id', 't.jitId', 't.dueDate', 't.assigneeMemberId'])
        // Only where work can still be done: a closed or expired agreement sends no reminders.
        .innerJoin(JitEntity, 'j', "j.id = t.jitId AND j.status <> 'closed' AND j.effectiveEndDate >= :today", { today })
        .where('t.status <> :done AND t.assigneeMemberId IS NOT NULL AND t.dueDate IS NOT NULL AND t.dueDate < :soonEnd', { done: 'done', soonEnd })
        .andWhere('t.id > :afterId', { afterId })
        .orderBy('t.id', 'ASC')
        .take(BATCH)
        .getMany();
      if (tasks.length === 0) return decided;
      afterId = tasks[tasks.length - 1].id;
      const memberIds = tasks.map((t) => t.assigneeMemberId).filter((id): id is string => id !== null);
      const assignees = new Map(
        (await this.dataSource.getRepository(MembershipEntity).findBy({ id: In(memberIds) })).filter((m) => isActiveMembership(m, now)).map((m) => [m.id, m.userId]),
      );
      const drafts = tasks.flatMap((t): NotificationDraft[] => {
        const userId = t.assigneeMemberId ? assignees.get(t.assigneeMemberId) : undefined;
        if (!userId || !t.dueDate) return [];
        const kind = t.dueDate < today ? 'task_overdue' : 'task_due_soon';
        return [{ userId, jitId: t.jitId, kind, subjectType: 'task', subjectId: t.id, actorUserId: null, dedupeKey: `${kind}:${t.id}:${t.dueDate}` }];
      });
      decided += drafts.length;
      await this.transactions.run((manager) => this.notifications.deliver(manager, drafts));
    }
  }
}
