import { AUDIT_ACTIONS, RECORD_ACTIONS, type AuditEvent, type AuditPage, type JitEventPayload } from '@jit/shared';
import { describe, expect, it, vi } from 'vitest';
import { ApiRequestError } from './api-client';
import { dedupe, invalidationsFor, isLostJitQuery, jitIdOfQueryKey, LiveSync, replayJit, type FetchAuditPage, type Invalidation } from './realtime-events';

const event = (action: JitEventPayload['action'], type: JitEventPayload['subject']['type'], id = 'x1', seq = 1): JitEventPayload => ({
  jitId: 'j1',
  seq,
  action,
  subject: { type, id },
});

const keysOf = (invalidations: Invalidation[]) => invalidations.map((i) => (i.exact ? ['=', ...i.queryKey] : i.queryKey));

describe('the keys live updates invalidate', () => {
  it.each(AUDIT_ACTIONS.filter((action) => RECORD_ACTIONS[action].chain !== 'platform'))('makes the record and what %s changed in this JIT stale', (action) => {
    const [subjectType] = RECORD_ACTIONS[action].subjects;
    const keys = keysOf(invalidationsFor(event(action, subjectType, 's1')));
    expect(keys[0]).toEqual(['audit', 'j1']);
    // Something besides the record: a JIT event always shows somewhere else too.
    expect(keys.length).toBeGreaterThan(1);
    // Only this JIT's queries, and the caller's own lists that span JITs.
    for (const key of keys.slice(1)) expect(jitIdOfQueryKey(key.filter((part) => part !== '=')) ?? key.join('/')).toMatch(/^(j1|=\/jits|my-tasks)$/);
  });

  it.each(AUDIT_ACTIONS.filter((action) => RECORD_ACTIONS[action].chain === 'platform'))('makes only the record stale on %s, which no JIT room hears', (action) => {
    expect(keysOf(invalidationsFor(event(action, 'user')))).toEqual([['audit', 'j1']]);
  });

  it.each(['task.created', 'task.moved'] as const)('refreshes the board, the lists and my tasks on %s', (action) => {
    expect(keysOf(invalidationsFor(event(action, 'task', 't1')))).toEqual([['audit', 'j1'], ['tasks', 'j1'], ['my-tasks']]);
    expect(jitIdOfQueryKey(['tasks', 'j1', 'list', {}])).toBe('j1');
    expect(jitIdOfQueryKey(['my-tasks'])).toBeNull();
  });

  it('refreshes the note, its history and the list when someone saves a note', () => {
    expect(keysOf(invalidationsFor(event('note.updated', 'note', 'n1')))).toEqual([
      ['audit', 'j1'],
      ['notes', 'j1', 'list'],
      ['notes', 'j1', 'note', 'n1'],
      ['notes', 'j1', 'revisions', 'n1'],
      ['links', 'j1'],
    ]);
    expect(jitIdOfQueryKey(['notes', 'j1', 'note', 'n1'])).toBe('j1');
  });

  it('refreshes the board, my tasks and the links panels (the title may have changed) when a task is edited', () => {
    expect(keysOf(invalidationsFor(event('task.updated', 'task', 't1')))).toEqual([['audit', 'j1'], ['tasks', 'j1'], ['my-tasks'], ['links', 'j1']]);
  });

  it.each(['link.added', 'link.removed'] as const)('refreshes every links panel of the JIT on %s (the event names the link, not its ends)', (action) => {
    expect(keysOf(invalidationsFor(event(action, 'link', 'l1')))).toEqual([
      ['audit', 'j1'],
      ['links', 'j1'],
    ]);
    expect(jitIdOfQueryKey(['links', 'j1', 'note', 'n1'])).toBe('j1');
  });

  it.each(['note', 'task', 'evidence'] as const)('refreshes the comments of the %s commented on when a comment is added', (type) => {
    expect(keysOf(invalidationsFor(event('comment.added', type, 's1')))).toEqual([
      ['audit', 'j1'],
      ['comments', 'j1', type, 's1'],
    ]);
    expect(jitIdOfQueryKey(['comments', 'j1', type, 's1'])).toBe('j1');
  });
});

describe('invalidationsFor', () => {
  it('refreshes the JIT, the list (exactly) and the record on a change of the agreement', () => {
    expect(keysOf(invalidationsFor(event('jit.updated', 'jit', 'j1')))).toEqual([
      ['audit', 'j1'],
      ['jits', 'j1'],
      ['=', 'jits'],
    ]);
    expect(keysOf(invalidationsFor(event('jit.extended', 'extension')))).toContainEqual(['jits', 'j1']);
  });

  it('refreshes the members, and the JIT that answers my own membership, on a member event', () => {
    expect(keysOf(invalidationsFor(event('member.revoked', 'member', 'm1')))).toEqual([
      ['audit', 'j1'],
      ['members', 'j1'],
      ['jits', 'j1'],
      ['=', 'jits'],
    ]);
  });

  it('refreshes the item, its custody log and the lists on an evidence change', () => {
    expect(keysOf(invalidationsFor(event('evidence.metadata_changed', 'evidence', 'i1')))).toEqual([
      ['audit', 'j1'],
      ['evidence', 'j1', 'list'],
      ['evidence', 'j1', 'item', 'i1'],
      ['evidence', 'j1', 'custody', 'i1'],
      ['evidence', 'j1', 'integrity-failures'],
      ['links', 'j1'],
    ]);
  });

  it('refreshes only the custody log on a custody read', () => {
    expect(keysOf(invalidationsFor(event('evidence.viewed', 'evidence', 'i1')))).toEqual([
      ['audit', 'j1'],
      ['evidence', 'j1', 'custody', 'i1'],
    ]);
  });

  it('refreshes the folders and the refused upload', () => {
    expect(keysOf(invalidationsFor(event('folder.created', 'folder', 'f1')))).toEqual([
      ['audit', 'j1'],
      ['evidence', 'j1', 'folders'],
    ]);
    expect(keysOf(invalidationsFor(event('upload.refused', 'upload', 'u1')))).toEqual([
      ['audit', 'j1'],
      ['evidence', 'j1', 'upload', 'u1'],
      ['evidence', 'j1', 'list'],
    ]);
  });

  it('dedupes the same key with the same exactness', () => {
    const all = [...invalidationsFor(event('jit.updated', 'jit')), ...invalidationsFor(event('jit.closed', 'jit'))];
    expect(dedupe(all)).toHaveLength(3);
  });
});

describe('recognising queries', () => {
  it('finds the JIT of per-JIT keys only', () => {
    expect(jitIdOfQueryKey(['evidence', 'j1', 'list', {}])).toBe('j1');
    expect(jitIdOfQueryKey(['audit', 'j2', {}])).toBe('j2');
    expect(jitIdOfQueryKey(['jits'])).toBeNull();
    expect(jitIdOfQueryKey(['auth', 'me'])).toBeNull();
  });

  it('knows a JIT is lost when its own query answers 404 or 403', () => {
    expect(isLostJitQuery(['jits', 'j1'], 404)).toBe(true);
    expect(isLostJitQuery(['jits', 'j1'], 403)).toBe(true);
    expect(isLostJitQuery(['jits', 'j1'], 500)).toBe(false);
    expect(isLostJitQuery(['members', 'j1'], 404)).toBe(false);
  });
});

// ---- replay ----------------------------------------------------------------------------------------

const auditEvent = (seq: number, action: AuditEvent['action'], subjectType: AuditEvent['subjectType'], subjectId: string): AuditEvent => ({
  chain: 'jit:j1',
  seq,
  occurredAt: '2026-01-01T00:00:00.000Z',
  actorUserId: null,
  actorDisplayName: null,
  actorPartyId: null,
  actorTimeZone: null,
  action,
  subjectType,
  subjectId,
  changes: [],
  ip: null,
  userAgent: null,
  prevHash: '0',
  hash: '1',
});

/** A fake record: the chain's events, of which the caller sees those not in `hidden`. */
function fakeRecord(chain: AuditEvent[], hidden: Set<number> = new Set()) {
  const calls: Array<{ afterSeq: number; limit: number }> = [];
  const fetchPage = vi.fn<FetchAuditPage>((_jitId, afterSeq, limit) => {
    calls.push({ afterSeq, limit });
    const items = chain.filter((e) => e.seq > afterSeq && !hidden.has(e.seq)).slice(0, limit);
    return Promise.resolve({ items, headSeq: chain.at(-1)?.seq ?? 0 } satisfies AuditPage);
  });
  return { fetchPage, calls };
}

const statusOf = (error: unknown) => (error instanceof ApiRequestError ? error.statusCode : null);
const notFound = () => new ApiRequestError({ statusCode: 404, error: 'not_found', message: 'no' });

describe('replayJit', () => {
  it('reads the events after the last seq, page by page, and answers the head', async () => {
    const chain = [1, 2, 3, 4, 5].map((seq) => auditEvent(seq, 'jit.updated', 'jit', 'j1'));
    const { fetchPage, calls } = fakeRecord(chain);
    const outcome = await replayJit('j1', 1, fetchPage, statusOf, 2);
    expect(outcome).toMatchObject({ kind: 'caught-up', headSeq: 5 });
    expect(outcome.kind === 'caught-up' && outcome.events.map((e) => e.seq)).toEqual([2, 3, 4, 5]);
    expect(calls).toEqual([
      { afterSeq: 1, limit: 2 },
      // The second page ends at the head: no third request.
      { afterSeq: 3, limit: 2 },
    ]);
  });

  it('steps past events the caller may not see, up to the head', async () => {
    const chain = [auditEvent(1, 'jit.updated', 'jit', 'j1'), auditEvent(2, 'evidence.viewed', 'evidence', 'i1'), auditEvent(3, 'evidence.viewed', 'evidence', 'i1')];
    const { fetchPage } = fakeRecord(chain, new Set([2, 3]));
    const outcome = await replayJit('j1', 0, fetchPage, statusOf);
    expect(outcome).toEqual({ kind: 'caught-up', headSeq: 3, events: [{ jitId: 'j1', seq: 1, action: 'jit.updated', subject: { type: 'jit', id: 'j1' } }] });
  });

  it('says the JIT is lost on 404, and unknown on a network failure', async () => {
    await expect(replayJit('j1', 0, () => Promise.reject(notFound()), statusOf)).resolves.toEqual({ kind: 'lost' });
    await expect(replayJit('j1', 0, () => Promise.reject(new TypeError('offline')), statusOf)).resolves.toEqual({ kind: 'unknown' });
  });
});

describe('LiveSync', () => {
  function setup(fetchPage: FetchAuditPage, cached: string[] = []) {
    const invalidated: Invalidation[] = [];
    const lost: string[] = [];
    const live = new LiveSync({
      invalidate: (i) => invalidated.push(i),
      fetchPage,
      statusOf,
      cachedJitIds: () => cached,
      onLost: (jitId) => lost.push(jitId),
    });
    return { live, invalidated, lost };
  }

  it('remembers the highest seq per JIT', () => {
    const { live, invalidated } = setup(vi.fn<FetchAuditPage>());
    live.onEvent(event('jit.updated', 'jit', 'j1', 7));
    live.onEvent(event('folder.created', 'folder', 'f1', 5));
    expect(live.lastSeqOf('j1')).toBe(7);
    expect(invalidated.length).toBe(5);
  });

  it('after a reconnect, invalidates what the missed events concern and moves to the head', async () => {
    const chain = [
      auditEvent(3, 'jit.updated', 'jit', 'j1'),
      auditEvent(4, 'member.added', 'member', 'm2'),
      auditEvent(5, 'evidence.viewed', 'evidence', 'i1'),
      auditEvent(6, 'member.updated', 'member', 'm2'),
    ];
    const { fetchPage, calls } = fakeRecord(chain, new Set([5]));
    const { live, invalidated } = setup(fetchPage, ['j1', 'j2']);
    live.onEvent(event('jit.activated', 'jit', 'j1', 2));
    invalidated.length = 0;

    await live.replay();

    expect(calls[0]).toEqual({ afterSeq: 2, limit: 500 });
    expect(live.lastSeqOf('j1')).toBe(6);
    const keys = keysOf(invalidated);
    expect(keys).toContainEqual(['members', 'j1']);
    expect(keys).toContainEqual(['jits', 'j1']);
    expect(keys).toContainEqual(['=', 'jits']);
    expect(keys).not.toContainEqual(['evidence', 'j1', 'custody', 'i1']);
    // j2 has no remembered seq: everything cached about it is refetched.
    expect(keys).toContainEqual(['evidence', 'j2']);
    expect(keys).toContainEqual(['members', 'j2']);
    // Each key once, however many events asked for it.
    expect(keys.filter((k) => JSON.stringify(k) === JSON.stringify(['members', 'j1']))).toHaveLength(1);
  });

  it('forgets a JIT whose record now answers 404, and refreshes the JIT and the list', async () => {
    const { live, invalidated, lost } = setup(() => Promise.reject(notFound()));
    live.onEvent(event('jit.updated', 'jit', 'j1', 4));
    invalidated.length = 0;
    await live.replay();
    expect(lost).toEqual(['j1']);
    expect(live.lastSeqOf('j1')).toBeUndefined();
    expect(keysOf(invalidated)).toEqual([
      ['jits', 'j1'],
      ['=', 'jits'],
    ]);
  });

  it('keeps the seq and refetches everything of the JIT when the replay fails', async () => {
    const { live, invalidated } = setup(() => Promise.reject(new TypeError('offline')));
    live.onEvent(event('jit.updated', 'jit', 'j1', 4));
    invalidated.length = 0;
    await live.replay();
    expect(live.lastSeqOf('j1')).toBe(4);
    expect(keysOf(invalidated)).toContainEqual(['evidence', 'j1']);
  });
});
