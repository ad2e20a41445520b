import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import type { NotificationChannelName, NotificationKind, WorkSubjectType } from '@jit/shared';
import { Transactions } from '../database';
import { NotificationEvents } from './notification-events';
import { NotificationEntity } from './notification.entity';

/** A notification decided on, before any channel has delivered it. */
export interface NotificationDraft {
  userId: string;
  jitId: string;
  kind: NotificationKind;
  subjectType: WorkSubjectType;
  subjectId: string;
  actorUserId: string | null;
  dedupeKey: string;
}

/**
 * A way of reaching a person. Channels deliver inside the transaction that caused the
 * notification, so none is sent for a change that did not commit; a channel that talks to the
 * outside world (email) should write an outbox row here and send after commit.
 */
export interface NotificationChannel {
  readonly name: NotificationChannelName;
  deliver(manager: EntityManager, drafts: NotificationDraft[]): Promise<void>;
}

export const NOTIFICATION_CHANNEL_LIST = Symbol('NotificationChannels');

/** The in-app centre: a row per notification, announced to the person's sockets after commit. */
@Injectable()
export class InAppChannel implements NotificationChannel {
  readonly name = 'in_app' as const;

  constructor(
    private readonly transactions: Transactions,
    private readonly events: NotificationEvents,
  ) {}

  async deliver(manager: EntityManager, drafts: NotificationDraft[]): Promise<void> {
    if (drafts.length === 0) return;
    const createdAt = new Date();
    const rows = drafts.map((d): NotificationEntity => ({ id: randomUUID(), ...d, createdAt, readAt: null }));
    // The unique (userId, dedupeKey) index makes a repeat (a reminder already sent, or written by
    // another process meanwhile) a no-op; only the rows really written are announced.
    await manager.createQueryBuilder().insert().into(NotificationEntity).values(rows).orIgnore().execute();
    const written = new Set((await manager.getRepository(NotificationEntity).find({ select: { id: true }, where: { id: In(rows.map((r) => r.id)) } })).map((n) => n.id));
    this.transactions.afterCommit(manager, () => {
      for (const row of rows.filter((r) => written.has(r.id))) this.events.publish({ type: 'new', userId: row.userId, payload: { id: row.id, jitId: row.jitId, kind: row.kind } });
    });
  }
}
