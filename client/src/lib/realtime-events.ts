import type { AuditAction, AuditEvent, AuditPage, JitEventPayload } from '@jit/shared';
import type { QueryKey } from '@tanstack/react-query';

/**
 * The pure part of live updates: which cached queries an event concerns, and how missed events are
 * replayed from the record after a reconnect. No socket and no React here, so it is tested alone.
 *
 * The query keys are those of the features' api modules (jitKeys, memberKeys, evidenceKeys, noteKeys, taskKeys, commentKeys, linkKeys,
 * notificationKeys and the record's ['audit', jitId, filters]); lib may not import features, so realtime-events.test.ts
 * checks that these prefixes still match the features' key factories.
 */

export interface Invalidation {
  queryKey: QueryKey;
  /** Only the query with exactly this key (the JIT list must not take every JIT's detail with it). */
  exact?: boolean;
}

export const liveKeys = {
  jitList: ['jits'] as const,
  jit: (jitId: string) => ['jits', jitId] as const,
  members: (jitId: string) => ['members', jitId] as const,
  audit: (jitId: string) => ['audit', jitId] as const,
  evidence: (jitId: string) => ['evidence', jitId] as const,
  evidenceList: (jitId: string) => ['evidence', jitId, 'list'] as const,
  evidenceItem: (jitId: string, itemId: string) => ['evidence', jitId, 'item', itemId] as const,
  custody: (jitId: string, itemId: string) => ['evidence', jitId, 'custody', itemId] as const,
  folders: (jitId: string) => ['evidence', jitId, 'folders'] as const,
  upload: (jitId: string, uploadId: string) => ['evidence', jitId, 'upload', uploadId] as const,
  integrityFailures: (jitId: string) => ['evidence', jitId, 'integrity-failures'] as const,
  notes: (jitId: string) => ['notes', jitId] as const,
  noteList: (jitId: string) => ['notes', jitId, 'list'] as const,
  note: (jitId: string, noteId: string) => ['notes', jitId, 'note', noteId] as const,
  noteRevisions: (jitId: string, noteId: string) => ['notes', jitId, 'revisions', noteId] as const,
  tasks: (jitId: string) => ['tasks', jitId] as const,
  comments: (jitId: string) => ['comments', jitId] as const,
  /** The comments on one note, task or evidence item. */
  subjectComments: (jitId: string, subjectType: string, subjectId: string) => ['comments', jitId, subjectType, subjectId] as const,
  /** Every links panel of the JIT: a link event names the link, not its two ends. */
  links: (jitId: string) => ['links', jitId] as const,
  /** The caller's tasks across every JIT (not per-JIT: every task event may concern them). */
  myTasks: ['my-tasks'] as const,
  /** The caller's notification lists (not the preferences): `notification:new` and `notification:read` change them. */
  notifications: ['notifications', 'list'] as const,
  /** Who is online in a JIT, asked over the socket (lib/presence.tsx); `presence:changed` names the JIT. */
  presence: (jitId: string) => ['presence', jitId] as const,
  allPresence: ['presence'] as const,
};

/** The first element of every per-JIT query key whose second element is the JIT's id. */
const JIT_SCOPED_ROOTS = new Set(['jits', 'members', 'audit', 'evidence', 'notes', 'tasks', 'comments', 'links']);

const jitList: Invalidation = { queryKey: liveKeys.jitList, exact: true };

/** Changes after which a record may bear a new title, which the links panels show at the other end. */
const RETITLING_ACTIONS: ReadonlySet<AuditAction> = new Set<AuditAction>(['evidence.metadata_changed', 'note.updated', 'note.restored', 'task.updated']);

/** The queries one event makes stale. Every event is a new line in the JIT's record. */
export function invalidationsFor(event: Pick<JitEventPayload, 'jitId' | 'action' | 'subject'>): Invalidation[] {
  const own = invalidationsOfSubject(event);
  return RETITLING_ACTIONS.has(event.action) ? [...own, { queryKey: liveKeys.links(event.jitId) }] : own;
}

function invalidationsOfSubject(event: Pick<JitEventPayload, 'jitId' | 'action' | 'subject'>): Invalidation[] {
  const { jitId, action, subject } = event;
  const record: Invalidation = { queryKey: liveKeys.audit(jitId) };
  const item = subject.type === 'evidence' ? subject.id : null;
  switch (action) {
    case 'jit.created':
    case 'jit.updated':
    case 'jit.activated':
    case 'jit.extended':
    case 'jit.closed':
      return [record, { queryKey: liveKeys.jit(jitId) }, jitList];
    case 'member.added':
    case 'member.updated':
    case 'member.revoked':
      // The JIT answers the caller's own membership (role, party), and the list shows the role.
      return [record, { queryKey: liveKeys.members(jitId) }, { queryKey: liveKeys.jit(jitId) }, jitList];
    case 'folder.created':
      return [record, { queryKey: liveKeys.folders(jitId) }];
    case 'upload.refused':
      return [record, { queryKey: liveKeys.upload(jitId, subject.id) }, { queryKey: liveKeys.evidenceList(jitId) }];
    case 'evidence.uploaded':
    case 'evidence.metadata_changed':
    case 'evidence.version_added':
    case 'evidence.verified':
    case 'evidence.integrity_failed':
      if (!item) return [record, { queryKey: liveKeys.evidence(jitId) }];
      return [
        record,
        { queryKey: liveKeys.evidenceList(jitId) },
        { queryKey: liveKeys.evidenceItem(jitId, item) },
        { queryKey: liveKeys.custody(jitId, item) },
        { queryKey: liveKeys.integrityFailures(jitId) },
      ];
    case 'note.created':
    case 'note.updated':
    case 'note.restored':
      // An open editor compares the refetched revision with the one it started from.
      if (subject.type !== 'note') return [record, { queryKey: liveKeys.notes(jitId) }];
      return [
        record,
        { queryKey: liveKeys.noteList(jitId) },
        { queryKey: liveKeys.note(jitId, subject.id) },
        { queryKey: liveKeys.noteRevisions(jitId, subject.id) },
      ];
    case 'task.created':
    case 'task.updated':
    case 'task.moved':
      // A move renumbers the other cards of both columns: the whole board is refetched.
      return [record, { queryKey: liveKeys.tasks(jitId) }, { queryKey: liveKeys.myTasks }];
    case 'link.added':
    case 'link.removed':
      return [record, { queryKey: liveKeys.links(jitId) }];
    case 'comment.added':
      // The subject is what was commented on: only its comments change.
      if (subject.type === 'note' || subject.type === 'task' || subject.type === 'evidence')
        return [record, { queryKey: liveKeys.subjectComments(jitId, subject.type, subject.id) }];
      return [record, { queryKey: liveKeys.comments(jitId) }];
    case 'evidence.viewed':
    case 'evidence.downloaded':
      // Custody reads change nothing but the item's custody log.
      return item ? [record, { queryKey: liveKeys.custody(jitId, item) }] : [record];
    default:
      return [record];
  }
}

/** Everything cached about one JIT, for when the events that changed it are unknown. */
export const everythingOf = (jitId: string): Invalidation[] => [
  { queryKey: liveKeys.jit(jitId) },
  { queryKey: liveKeys.members(jitId) },
  { queryKey: liveKeys.audit(jitId) },
  { queryKey: liveKeys.evidence(jitId) },
  { queryKey: liveKeys.notes(jitId) },
  { queryKey: liveKeys.tasks(jitId) },
  { queryKey: liveKeys.comments(jitId) },
  { queryKey: liveKeys.links(jitId) },
  { queryKey: liveKeys.myTasks },
  jitList,
];

/** The JIT a cached query belongs to, if it is one of the per-JIT queries. */
export function jitIdOfQueryKey(queryKey: QueryKey): string | null {
  const [root, jitId] = queryKey;
  return typeof root === 'string' && JIT_SCOPED_ROOTS.has(root) && typeof jitId === 'string' ? jitId : null;
}

/** True when a refetch of the JIT's own query (['jits', id]) says the caller may no longer see it. */
export function isLostJitQuery(queryKey: QueryKey, statusCode: number | null): boolean {
  return queryKey.length === 2 && queryKey[0] === 'jits' && typeof queryKey[1] === 'string' && (statusCode === 403 || statusCode === 404);
}

/** Same key, same exactness: one refetch is enough, however many events asked for it. */
export function dedupe(invalidations: Invalidation[]): Invalidation[] {
  const seen = new Map<string, Invalidation>();
  for (const invalidation of invalidations) seen.set(`${invalidation.exact ? '=' : '^'}${JSON.stringify(invalidation.queryKey)}`, invalidation);
  return [...seen.values()];
}

export const toPayload = (jitId: string, event: AuditEvent): JitEventPayload => ({
  jitId,
  seq: event.seq,
  action: event.action,
  subject: { type: event.subjectType, id: event.subjectId },
});

export type ReplayOutcome =
  /** The events after `afterSeq` the caller may see, and the head of the chain to remember. */
  | { kind: 'caught-up'; events: JitEventPayload[]; headSeq: number }
  /** The server refuses the record (403/404): the JIT is gone for this person. */
  | { kind: 'lost' }
  /** Something else failed (network, server): what changed is unknown. */
  | { kind: 'unknown' };

export type FetchAuditPage = (jitId: string, afterSeq: number, limit: number) => Promise<AuditPage>;
export type ErrorStatus = (error: unknown) => number | null;

/**
 * Reads the record of one JIT after `afterSeq`, page by page. The items are only those the caller
 * may see, so a page may be short of the limit with more events behind it: headSeq says where the
 * chain ends, and the last page is the one whose last visible item (or the page itself) reaches it.
 */
export async function replayJit(
  jitId: string,
  afterSeq: number,
  fetchPage: FetchAuditPage,
  statusOf: ErrorStatus,
  limit = 500,
): Promise<ReplayOutcome> {
  const events: JitEventPayload[] = [];
  let cursor = afterSeq;
  // Bounded: a chain that keeps growing while we read is caught up by the live events anyway.
  for (let pageCount = 0; pageCount < 100; pageCount += 1) {
    let page: AuditPage;
    try {
      page = await fetchPage(jitId, cursor, limit);
    } catch (error) {
      const status = statusOf(error);
      return status === 403 || status === 404 ? { kind: 'lost' } : { kind: 'unknown' };
    }
    events.push(...page.items.map((item) => toPayload(jitId, item)));
    const last = page.items.at(-1);
    if (!last || page.items.length < limit || last.seq >= page.headSeq) return { kind: 'caught-up', events, headSeq: Math.max(page.headSeq, cursor) };
    cursor = last.seq;
  }
  return { kind: 'unknown' };
}

export interface LiveSyncDeps {
  invalidate: (invalidation: Invalidation) => void;
  fetchPage: FetchAuditPage;
  statusOf: ErrorStatus;
  /** The JITs something is cached about (to refresh those we have no sequence number for). */
  cachedJitIds: () => string[];
  /** Called when a JIT turns out to be no longer visible to this person. */
  onLost: (jitId: string) => void;
}

/**
 * Remembers the last sequence number seen per JIT, turns live events into invalidations, and after
 * a reconnect replays what was missed from the record.
 */
export class LiveSync {
  private readonly lastSeq = new Map<string, number>();

  constructor(private readonly deps: LiveSyncDeps) {}

  lastSeqOf(jitId: string): number | undefined {
    return this.lastSeq.get(jitId);
  }

  onEvent(event: JitEventPayload): void {
    this.apply(invalidationsFor(event));
    this.remember(event.jitId, event.seq);
  }

  forget(jitId: string): void {
    this.lastSeq.delete(jitId);
  }

  /** After a reconnect: replays every JIT we have a sequence for, refreshes the others wholesale. */
  async replay(): Promise<void> {
    const known = [...this.lastSeq.entries()];
    const knownIds = new Set(known.map(([jitId]) => jitId));
    const unknown = [...new Set(this.deps.cachedJitIds())].filter((jitId) => !knownIds.has(jitId));
    if (unknown.length > 0) this.apply(unknown.flatMap(everythingOf));

    await Promise.all(
      known.map(async ([jitId, afterSeq]) => {
        const outcome = await replayJit(jitId, afterSeq, this.deps.fetchPage, this.deps.statusOf);
        if (outcome.kind === 'caught-up') {
          this.apply(outcome.events.flatMap(invalidationsFor));
          this.remember(jitId, outcome.headSeq);
        } else if (outcome.kind === 'lost') {
          this.forget(jitId);
          this.apply([{ queryKey: liveKeys.jit(jitId) }, jitList]);
          this.deps.onLost(jitId);
        } else {
          // Keep the sequence: the next reconnect tries again; meanwhile refetch everything.
          this.apply(everythingOf(jitId));
        }
      }),
    );
  }

  private remember(jitId: string, seq: number): void {
    this.lastSeq.set(jitId, Math.max(seq, this.lastSeq.get(jitId) ?? 0));
  }

  private apply(invalidations: Invalidation[]): void {
    for (const invalidation of dedupe(invalidations)) this.deps.invalidate(invalidation);
  }
}
