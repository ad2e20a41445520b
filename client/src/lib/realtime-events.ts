import type { AuditAction, AuditEvent, AuditPage, JitEventPayload } from '@jit/shared';
import type { QueryKey } from '@tanstack/react-query';
import { commentKeys, evidenceKeys, JIT_SCOPED_ROOTS, jitKeys, linkKeys, memberKeys, noteKeys, recordKeys, taskKeys } from './query-keys';

/**
 * The pure part of live updates: which cached queries an event concerns, and how missed events are
 * replayed from the record after a reconnect. No socket and no React here, so it is tested alone.
 */

export interface Invalidation {
  queryKey: QueryKey;
  /** Only the query with exactly this key (the JIT list must not take every JIT's detail with it). */
  exact?: boolean;
}

type LiveEvent = Pick<JitEventPayload, 'jitId' | 'action' | 'subject'>;
/** The queries one kind of event makes stale, besides the record, which every event extends. */
type InvalidationRule = (event: LiveEvent) => Invalidation[];

const jitList: Invalidation = { queryKey: jitKeys.all, exact: true };
const stale = (...queryKeys: QueryKey[]): Invalidation[] => queryKeys.map((queryKey) => ({ queryKey }));

/** Platform events (accounts, sign-ins) are on the platform chain: no JIT's socket room hears them. */
const notAJitEvent: InvalidationRule = () => [];
const theJit: InvalidationRule = ({ jitId }) => [...stale(jitKeys.detail(jitId)), jitList];
// The JIT answers the caller's own membership (role, party), and the list shows the role.
const theMembers: InvalidationRule = ({ jitId }) => [...stale(memberKeys.list(jitId), jitKeys.detail(jitId)), jitList];
const theItem: InvalidationRule = ({ jitId, subject }) =>
  subject.type === 'evidence'
    ? stale(evidenceKeys.lists(jitId), evidenceKeys.item(jitId, subject.id), evidenceKeys.custody(jitId, subject.id), evidenceKeys.integrityFailures(jitId))
    : stale(evidenceKeys.all(jitId));
// Custody reads change nothing but the item's custody log.
const theCustodyLog: InvalidationRule = ({ jitId, subject }) => (subject.type === 'evidence' ? stale(evidenceKeys.custody(jitId, subject.id)) : []);
// An open editor compares the refetched revision with the one it started from.
const theNote: InvalidationRule = ({ jitId, subject }) =>
  subject.type === 'note' ? stale(noteKeys.list(jitId), noteKeys.note(jitId, subject.id), noteKeys.revisions(jitId, subject.id)) : stale(noteKeys.all(jitId));
// A move renumbers the other cards of both columns: the whole board is refetched.
const theBoard: InvalidationRule = ({ jitId }) => stale(taskKeys.all(jitId), taskKeys.mine);
const theLinks: InvalidationRule = ({ jitId }) => stale(linkKeys.all(jitId));
/** A change after which a record may bear a new title, which the links panels show at the other end. */
const retitled =
  (rule: InvalidationRule): InvalidationRule =>
  (event) => [...rule(event), ...theLinks(event)];

/**
 * For every action of the record, what its event makes stale. A table over all actions with no
 * default: an action added to the catalogue does not compile until it says what it invalidates.
 */
export const INVALIDATIONS_BY_ACTION = {
  'platform.setup_completed': notAJitEvent,
  'user.created': notAJitEvent,
  'user.updated': notAJitEvent,
  'user.disabled': notAJitEvent,
  'user.enabled': notAJitEvent,
  'auth.login': notAJitEvent,
  'auth.login_failed': notAJitEvent,
  'auth.logout': notAJitEvent,
  'auth.password_changed': notAJitEvent,
  'auth.token_created': notAJitEvent,
  'auth.token_revoked': notAJitEvent,
  'auth.password_accepted': notAJitEvent,
  'auth.session_ended': notAJitEvent,
  'auth.second_factor_added': notAJitEvent,
  'auth.second_factor_removed': notAJitEvent,
  'auth.recovery_codes_issued': notAJitEvent,
  'auth.step_up': notAJitEvent,
  'platform.settings_changed': notAJitEvent,
  'jit.created': theJit,
  'jit.updated': theJit,
  'jit.activated': theJit,
  'jit.extended': theJit,
  'jit.closed': theJit,
  'member.added': theMembers,
  'member.updated': theMembers,
  'member.revoked': theMembers,
  'folder.created': ({ jitId }) => stale(evidenceKeys.folders(jitId)),
  'upload.refused': ({ jitId, subject }) => stale(evidenceKeys.upload(jitId, subject.id), evidenceKeys.lists(jitId)),
  'evidence.uploaded': theItem,
  'evidence.metadata_changed': retitled(theItem),
  'evidence.version_added': theItem,
  'evidence.viewed': theCustodyLog,
  'evidence.downloaded': theCustodyLog,
  'evidence.verified': theItem,
  'evidence.integrity_failed': theItem,
  'note.created': theNote,
  'note.updated': retitled(theNote),
  'note.restored': retitled(theNote),
  'task.created': theBoard,
  'task.updated': retitled(theBoard),
  'task.moved': theBoard,
  // The subject is what was commented on: only its comments change.
  'comment.added': ({ jitId, subject }) =>
    subject.type === 'note' || subject.type === 'task' || subject.type === 'evidence' ? stale(commentKeys.subject(jitId, subject.type, subject.id)) : stale(commentKeys.all(jitId)),
  'link.added': theLinks,
  'link.removed': theLinks,
} satisfies Record<AuditAction, InvalidationRule>;

/** The queries one event makes stale. Every event is a new line in the JIT's record. */
export const invalidationsFor = (event: LiveEvent): Invalidation[] => [...stale(recordKeys.all(event.jitId)), ...INVALIDATIONS_BY_ACTION[event.action](event)];

/** Everything cached about one JIT, for when the events that changed it are unknown. */
export const everythingOf = (jitId: string): Invalidation[] => [
  ...stale(
    jitKeys.detail(jitId),
    memberKeys.list(jitId),
    recordKeys.all(jitId),
    evidenceKeys.all(jitId),
    noteKeys.all(jitId),
    taskKeys.all(jitId),
    commentKeys.all(jitId),
    linkKeys.all(jitId),
    taskKeys.mine,
  ),
  jitList,
];

/** The JIT a cached query belongs to, if it is one of the per-JIT queries. */
export function jitIdOfQueryKey(queryKey: QueryKey): string | null {
  const [root, jitId] = queryKey;
  return typeof root === 'string' && JIT_SCOPED_ROOTS.has(root) && typeof jitId === 'string' ? jitId : null;
}

/** True when a refetch of the JIT's own query (jitKeys.detail) says the caller may no longer see it. */
export function isLostJitQuery(queryKey: QueryKey, statusCode: number | null): boolean {
  const [root, jitId] = queryKey;
  return queryKey.length === 2 && root === jitKeys.all[0] && typeof jitId === 'string' && (statusCode === 403 || statusCode === 404);
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
export async function replayJit(jitId: string, afterSeq: number, fetchPage: FetchAuditPage, statusOf: ErrorStatus, limit = 500): Promise<ReplayOutcome> {
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
          this.apply([{ queryKey: jitKeys.detail(jitId) }, jitList]);
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
