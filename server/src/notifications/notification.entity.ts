import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { NotificationChannelName, NotificationKind, WorkSubjectType } from '@jit/shared';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from '../database';

/**
 * One notification in a person's in-app centre. It names its subject by id only: the title is looked
 * up when read, so a person who has lost access to the JIT, or may not read the subject, sees nothing.
 */
@Entity('notifications')
@Index('uq_notifications_dedupe', ['userId', 'dedupeKey'], { unique: true })
@Index('ix_notifications_user_created', ['userId', 'createdAt', 'id'])
@Index('ix_notifications_user_unread', ['userId', 'readAt'])
export class NotificationEntity {
  @IdColumn() id: string;
  @RefColumn() userId: string;
  @RefColumn() jitId: string;
  @TextColumn(40) kind: NotificationKind;
  @TextColumn(16) subjectType: WorkSubjectType;
  @RefColumn() subjectId: string;
  @RefColumn({ nullable: true }) actorUserId: string | null;
  /** What it is about, once: the record event that caused it, or the task and due date of a reminder. */
  @TextColumn(120) dedupeKey: string;
  @InstantColumn() createdAt: Date;
  @InstantColumn({ nullable: true }) readAt: Date | null;
}

/** A person's choice for one kind on one channel; no row means the default (on). */
@Entity('notification_preferences')
export class NotificationPreferenceEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) userId: string;
  @PrimaryColumn({ type: 'varchar', length: 40 }) kind: NotificationKind;
  @PrimaryColumn({ type: 'varchar', length: 16 }) channel: NotificationChannelName;
  @Column({ type: 'boolean' }) enabled: boolean;
}
