import type { IsoInstant } from './api';
import type { WorkSubjectSummary } from './links';

/**
 * What a person is told about. Legal events (consent requests, reviews) arrive with the legal
 * record and extend this list.
 */
export const NOTIFICATION_KINDS = ['task_assigned', 'mentioned', 'task_due_soon', 'task_overdue', 'evidence_from_other_party'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** How a notification reaches its person. Email arrives later as one more channel. */
export const NOTIFICATION_CHANNELS = ['in_app'] as const;
export type NotificationChannelName = (typeof NOTIFICATION_CHANNELS)[number];

/** A task due within this many days (today included) is "due soon". */
export const TASK_DUE_SOON_DAYS = 2;

export const NOTIFICATION_LIMITS = { pageDefault: 30, pageMax: 100, markReadMax: 100 } as const;

export interface Notification {
  id: string;
  jitId: string;
  jitReference: string;
  kind: NotificationKind;
  subject: WorkSubjectSummary;
  /** Who caused it (the leader who assigned, the author who mentioned); null for reminders. */
  actorName: string | null;
  createdAt: IsoInstant;
  readAt: IsoInstant | null;
}

/** GET /api/notifications?before=&limit=&unreadOnly= */
export interface NotificationListQuery {
  /** The `nextCursor` of the previous page. */
  before?: string;
  limit?: number;
  unreadOnly?: boolean;
}

export interface NotificationPage {
  items: Notification[];
  unreadCount: number;
  nextCursor: string | null;
}

/** POST /api/notifications/read: either some notifications, or all of them. */
export interface MarkNotificationsReadRequest {
  ids?: string[];
  all?: boolean;
}

export interface NotificationPreference {
  kind: NotificationKind;
  channel: NotificationChannelName;
  enabled: boolean;
}

/** GET and PATCH /api/notifications/preferences (PATCH sends only the entries that change). */
export interface NotificationPreferences {
  preferences: NotificationPreference[];
}
