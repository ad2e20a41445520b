import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import {
  isUuid,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  NOTIFICATION_LIMITS,
  changedTo,
  type TypedRecordChanges,
  type Notification,
  type NotificationKind,
  type NotificationPage,
  type NotificationPreference,
  type NotificationPreferences,
  type WorkSubjectRef,
  type WorkSubjectSummary,
} from '@jit/shared';
import { isActiveMembership, ReadAccessService, subjectKey } from '../access';
import { decodeCursor, encodeCursor, invalid } from '../common';
import { Transactions } from '../database';
import { JitEntity } from '../jits/entities';
import { MembershipEntity } from '../members/entities';
import type { AuditEventEntity } from '../record/entities';
import { RecordService } from '../record';
import { UserEntity } from '../users/entities';
import { NOTIFICATION_CHANNEL_LIST, type NotificationChannel, type NotificationDraft } from './notification-channel';
import { NotificationEvents } from './notification-events';
import type { MarkNotificationsReadDto, NotificationListQueryDto, UpdateNotificationPreferencesDto } from './notification.dto';
import { NotificationPreferenceEntity, NotificationEntity } from './notification.entity';
import { displayNames } from '../people';

/** The members an event concerns by name: a task's new assignee, a comment's mentions. */
function namedMembers(typed: TypedRecordChanges): { kind: NotificationKind; memberIds: string[] } | null {
  if (typed.action === 'task.created' || typed.action === 'task.updated') {
    const assignees = changedTo(typed.changes, 'assigneeMemberId');
    return assignees.length ? { kind: 'task_assigned', memberIds: assignees } : null;
  }
  if (typed.action === 'comment.added') {
    const mentions = changedTo(typed.changes, 'mentions').flat();
    return mentions.length ? { kind: 'mentioned', memberIds: mentions } : null;
  }
  return null;
}

/** The keyset cursor of a page: the last notification's time and id. */
const cursorOf = (n: NotificationEntity): string => encodeCursor({ at: n.createdAt.toISOString(), id: n.id });
const acceptCursor = (values: Record<string, unknown>): { createdAt: Date; id: string } | null =>
  typeof values.at === 'string' && !Number.isNaN(Date.parse(values.at)) && isUuid(values.id) ? { createdAt: new Date(values.at), id: values.id } : null;

/**
 * Notifications: derived from record events inside the transaction that records them (so a change
 * and its notifications commit together), delivered through each channel a person has left on, and
 * read back only for JITs the person is still an active member of.
 */
@Injectable()
export class NotificationsService implements OnModuleInit {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(NOTIFICATION_CHANNEL_LIST) private readonly channels: NotificationChannel[],
    private readonly transactions: Transactions,
    private readonly record: RecordService,
    private readonly readAccess: ReadAccessService,
    private readonly events: NotificationEvents,
  ) {}

  onModuleInit(): void {
    this.record.onAppended((manager, event, typed) => this.fromRecord(manager, event, typed));
  }

  /** Who a record event concerns; the actor is never told about their own act. */
  private async fromRecord(manager: EntityManager, event: AuditEventEntity, typed: TypedRecordChanges): Promise<void> {
    if (!event.chain.startsWith('jit:')) return;
    const jitId = event.chain.slice(4);
    const members = async (ids: string[]) =>
      ids.length ? (await manager.getRepository(MembershipEntity).findBy({ id: In(ids), jitId })).filter((m) => isActiveMembership(m)) : [];
    let kind: NotificationKind;
    let recipients: MembershipEntity[];
    const named = namedMembers(typed);
    if (named) {
      kind = named.kind;
      recipients = await members(named.memberIds);
    } else if (typed.action === 'evidence.uploaded') {
      kind = 'evidence_from_other_party';
      const all = await manager.getRepository(MembershipEntity).findBy({ jitId, revokedAt: IsNull(), ...(event.actorPartyId ? { partyId: Not(event.actorPartyId) } : {}) });
      recipients = all.filter((m) => isActiveMembership(m));
    } else {
      return;
    }
    const subject = event.subjectType as WorkSubjectRef['type'];
    const drafts = [...new Set(recipients.map((m) => m.userId))]
      .filter((userId) => userId !== event.actorUserId)
      .map((userId): NotificationDraft => ({
        userId,
        jitId,
        kind,
        subjectType: subject,
        subjectId: event.subjectId,
        actorUserId: event.actorUserId,
        dedupeKey: `${event.chain}#${event.seq}`,
      }));
    await this.deliver(manager, drafts);
  }

  /** Hands each draft to every channel its person has not turned off for its kind. */
  async deliver(manager: EntityManager, drafts: NotificationDraft[]): Promise<void> {
    if (drafts.length === 0) return;
    const off = await manager.getRepository(NotificationPreferenceEntity).findBy({ userId: In([...new Set(drafts.map((d) => d.userId))]), enabled: false });
    const isOff = new Set(off.map((p) => `${p.userId} ${p.kind} ${p.channel}`));
    for (const channel of this.channels) {
      await channel.deliver(
        manager,
        drafts.filter((d) => !isOff.has(`${d.userId} ${d.kind} ${channel.name}`)),
      );
    }
  }

  /** The JITs whose notifications a person may still see. */
  private async activeJitIds(userId: string): Promise<string[]> {
    const memberships = await this.dataSource.getRepository(MembershipEntity).findBy({ userId, revokedAt: IsNull() });
    return memberships.filter((m) => isActiveMembership(m)).map((m) => m.jitId);
  }

  async list(user: UserEntity, query: NotificationListQueryDto): Promise<NotificationPage> {
    const limit = query.limit ?? NOTIFICATION_LIMITS.pageDefault;
    const cursor = query.before ? decodeCursor(query.before, acceptCursor, 'before') : null;
    const jitIds = await this.activeJitIds(user.id);
    if (jitIds.length === 0) return { items: [], unreadCount: 0, nextCursor: null };
    const repository = this.dataSource.getRepository(NotificationEntity);
    const qb = repository.createQueryBuilder('n').where('n.userId = :userId', { userId: user.id }).andWhere('n.jitId IN (:...jitIds)', { jitIds });
    if (query.unreadOnly) qb.andWhere('n.readAt IS NULL');
    if (cursor) qb.andWhere('(n.createdAt < :at OR (n.createdAt = :at AND n.id < :id))', { at: cursor.createdAt, id: cursor.id });
    const [rows, unreadCount] = await Promise.all([
      qb
        .orderBy('n.createdAt', 'DESC')
        .addOrderBy('n.id', 'DESC')
        .take(limit + 1)
        .getMany(),
      repository.createQueryBuilder('n').where('n.userId = :userId AND n.readAt IS NULL', { userId: user.id }).andWhere('n.jitId IN (:...jitIds)', { jitIds }).getCount(),
    ]);
    const page = rows.slice(0, limit);
    return { items: await this.present(user.id, page), unreadCount, nextCursor: rows.length > limit ? cursorOf(page[page.length - 1]) : null };
  }

  async markRead(user: UserEntity, dto: MarkNotificationsReadDto): Promise<void> {
    if (!dto.all && !dto.ids?.length) throw invalid([{ field: 'ids', code: 'required' }], 'Name the notifications to mark as read, or ask for all of them.');
    // Through Transactions like every write: on SQLite the connection is shared, and a bare UPDATE
    // would land inside whichever transaction happens to be open (and vanish with its rollback).
    const affected = await this.transactions.run(async (manager) => {
      const update = manager.createQueryBuilder().update(NotificationEntity).set({ readAt: new Date() }).where('userId = :userId AND readAt IS NULL', { userId: user.id });
      if (!dto.all) update.andWhere('id IN (:...ids)', { ids: dto.ids });
      return (await update.execute()).affected ?? 0;
    });
    // Every open tab and device of this person updates its unread count.
    if (affected > 0) this.events.publish({ type: 'read', userId: user.id });
  }

  async preferences(user: UserEntity): Promise<NotificationPreferences> {
    const rows = await this.dataSource.getRepository(NotificationPreferenceEntity).findBy({ userId: user.id });
    const chosen = new Map(rows.map((r) => [`${r.kind} ${r.channel}`, r.enabled]));
    const preferences = NOTIFICATION_KINDS.flatMap((kind) =>
      NOTIFICATION_CHANNELS.map((channel): NotificationPreference => ({ kind, channel, enabled: chosen.get(`${kind} ${channel}`) ?? true })),
    );
    return { preferences };
  }

  async updatePreferences(user: UserEntity, dto: UpdateNotificationPreferencesDto): Promise<NotificationPreferences> {
    const seen = new Set<string>();
    dto.preferences.forEach((p, index) => {
      const key = `${p.kind} ${p.channel}`;
      if (seen.has(key)) throw invalid([{ field: `preferences.${index}`, code: 'not_unique' }], 'Each kind and channel may appear once.');
      seen.add(key);
    });
    await this.transactions.run(async (manager) => {
      for (const p of dto.preferences)
        await manager.upsert(NotificationPreferenceEntity, { userId: user.id, kind: p.kind, channel: p.channel, enabled: p.enabled }, ['userId', 'kind', 'channel']);
    });
    return this.preferences(user);
  }

  /** Titles are looked up now, per JIT, as the person reads there now: only subjects they may still read are shown. */
  private async present(userId: string, rows: NotificationEntity[]): Promise<Notification[]> {
    const jitIds = [...new Set(rows.map((r) => r.jitId))];
    const [jits, names, summaries] = await Promise.all([
      jitIds.length ? this.dataSource.getRepository(JitEntity).find({ select: { id: true, reference: true }, where: { id: In(jitIds) } }) : [],
      displayNames(
        this.dataSource.manager,
        rows.map((r) => r.actorUserId),
      ),
      Promise.all(
        jitIds.map(async (jitId) => {
          const reader = await this.readAccess.memberReader(userId, jitId);
          const refs = rows.filter((r) => r.jitId === jitId).map((r) => ({ type: r.subjectType, id: r.subjectId }));
          return [jitId, reader ? await this.readAccess.summaries(reader, refs) : new Map<string, WorkSubjectSummary>()] as const;
        }),
      ),
    ]);
    const references = new Map(jits.map((j) => [j.id, j.reference]));
    const byJit = new Map(summaries);
    return rows.flatMap((r) => {
      const subject = byJit.get(r.jitId)?.get(subjectKey({ type: r.subjectType, id: r.subjectId }));
      if (!subject) return [];
      return [
        {
          id: r.id,
          jitId: r.jitId,
          jitReference: references.get(r.jitId) ?? '',
          kind: r.kind,
          subject,
          actorName: r.actorUserId ? (names.get(r.actorUserId) ?? null) : null,
          createdAt: r.createdAt.toISOString(),
          readAt: r.readAt ? r.readAt.toISOString() : null,
        },
      ];
    });
  }
}
