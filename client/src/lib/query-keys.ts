import type { AuditAction, CommentSubjectType, EvidenceListQuery, TaskListQuery, WorkSubjectType } from '@jit/shared';

/**
 * Every key of the client's query cache, in one place: the features' hooks read and write under
 * these keys, and the live updates (realtime-events.ts) make them stale when the record says a
 * subject changed. A per-JIT key always starts [root, jitId], so everything cached about one JIT can
 * be found (jitIdOfQueryKey) and invalidated by prefix.
 */

/** The evidence list's filters: what the list asks the server, without its paging. */
export type EvidenceFilters = Omit<EvidenceListQuery, 'cursor' | 'limit'>;

/** The record's filters, as the record screen offers them. */
export interface RecordFilters {
  actorUserId?: string;
  action?: AuditAction;
  /** ISO instants */
  from?: string;
  to?: string;
}

/** The signed-in account and what belongs to it; kept at logout and login by the session gate (only `me`). */
export const accountKeys = {
  me: ['auth', 'me'] as const,
  apiTokens: ['auth', 'tokens'] as const,
  secondFactors: ['auth', 'factors'] as const,
  sessions: ['auth', 'sessions'] as const,
};

/** Settings of the whole platform, for its administrator. */
export const platformKeys = { settings: ['platform', 'settings'] as const };

/** Whether the installation still needs its first administrator: asked before anyone signs in. */
export const setupKeys = { status: ['setup'] as const };

/** The platform administrator's list of accounts. */
export const userKeys = { all: ['users'] as const };

export const jitKeys = {
  /** The caller's JITs; invalidate it `exact`, or every JIT's detail goes with it. */
  all: ['jits'] as const,
  detail: (jitId: string) => ['jits', jitId] as const,
};

export const memberKeys = { list: (jitId: string) => ['members', jitId] as const };

export const recordKeys = {
  all: (jitId: string) => ['audit', jitId] as const,
  list: (jitId: string, filters: RecordFilters) => ['audit', jitId, filters] as const,
};

export const evidenceKeys = {
  all: (jitId: string) => ['evidence', jitId] as const,
  /** Every filtered list of the JIT's evidence (a prefix of `list`). */
  lists: (jitId: string) => ['evidence', jitId, 'list'] as const,
  list: (jitId: string, filters: EvidenceFilters) => ['evidence', jitId, 'list', filters] as const,
  item: (jitId: string, itemId: string) => ['evidence', jitId, 'item', itemId] as const,
  custody: (jitId: string, itemId: string) => ['evidence', jitId, 'custody', itemId] as const,
  folders: (jitId: string) => ['evidence', jitId, 'folders'] as const,
  upload: (jitId: string, uploadId: string) => ['evidence', jitId, 'upload', uploadId] as const,
  integrityFailures: (jitId: string) => ['evidence', jitId, 'integrity-failures'] as const,
};

export const noteKeys = {
  all: (jitId: string) => ['notes', jitId] as const,
  list: (jitId: string) => ['notes', jitId, 'list'] as const,
  note: (jitId: string, noteId: string) => ['notes', jitId, 'note', noteId] as const,
  revisions: (jitId: string, noteId: string) => ['notes', jitId, 'revisions', noteId] as const,
};

export const taskKeys = {
  all: (jitId: string) => ['tasks', jitId] as const,
  lists: (jitId: string) => ['tasks', jitId, 'list'] as const,
  list: (jitId: string, filters: TaskListQuery) => ['tasks', jitId, 'list', filters] as const,
  task: (jitId: string, taskId: string) => ['tasks', jitId, 'task', taskId] as const,
  /** The caller's tasks across every JIT (not per JIT: a task event of every JIT may concern them). */
  mine: ['my-tasks'] as const,
};

export const commentKeys = {
  all: (jitId: string) => ['comments', jitId] as const,
  /** The comments on one note, task or evidence item. */
  subject: (jitId: string, subjectType: CommentSubjectType, subjectId: string) => ['comments', jitId, subjectType, subjectId] as const,
};

export const linkKeys = {
  /** Every links panel of the JIT: a link event names the link, not its two ends. */
  all: (jitId: string) => ['links', jitId] as const,
  subject: (jitId: string, subjectType: WorkSubjectType, subjectId: string) => ['links', jitId, subjectType, subjectId] as const,
};

export const notificationKeys = {
  /** The caller's notification lists (not the preferences): `notification:new` and `notification:read` change them. */
  lists: ['notifications', 'list'] as const,
  list: (filters: { unreadOnly: boolean }) => ['notifications', 'list', filters] as const,
  preferences: ['notifications', 'preferences'] as const,
};

export const presenceKeys = {
  /** Who is online in a JIT, asked over the socket (lib/presence.tsx); `presence:changed` names the JIT. */
  jit: (jitId: string) => ['presence', jitId] as const,
  all: ['presence'] as const,
};

/** The first element of every per-JIT key, whose second element is the JIT's id. */
export const JIT_SCOPED_ROOTS: ReadonlySet<string> = new Set(['jits', 'members', 'audit', 'evidence', 'notes', 'tasks', 'comments', 'links']);
