import { partialMatchKey, type QueryKey } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import {
  accountKeys,
  commentKeys,
  evidenceKeys,
  JIT_SCOPED_ROOTS,
  jitKeys,
  linkKeys,
  memberKeys,
  noteKeys,
  notificationKeys,
  presenceKeys,
  recordKeys,
  setupKeys,
  taskKeys,
  userKeys,
} from './query-keys';
import { jitIdOfQueryKey } from './realtime-events';

/** What `invalidateQueries({ queryKey: prefix })` reaches, by TanStack's own matching. */
const reaches = (prefix: QueryKey, key: QueryKey): boolean => partialMatchKey(key, prefix);

/** One key of every per-JIT family the record's events invalidate, for the JIT j1. */
const perJitKeys: QueryKey[] = [
  jitKeys.detail('j1'),
  memberKeys.list('j1'),
  recordKeys.list('j1', { action: 'note.created' }),
  evidenceKeys.list('j1', { folderId: 'f1' }),
  evidenceKeys.item('j1', 'i1'),
  evidenceKeys.custody('j1', 'i1'),
  evidenceKeys.folders('j1'),
  evidenceKeys.upload('j1', 'u1'),
  evidenceKeys.integrityFailures('j1'),
  noteKeys.list('j1'),
  noteKeys.note('j1', 'n1'),
  noteKeys.revisions('j1', 'n1'),
  taskKeys.list('j1', {}),
  taskKeys.task('j1', 't1'),
  commentKeys.subject('j1', 'note', 'n1'),
  linkKeys.subject('j1', 'task', 't1'),
];

/** Keys that belong to no one JIT: the account, the platform, and the caller's lists across JITs. */
const notPerJitKeys: QueryKey[] = [
  accountKeys.me,
  accountKeys.apiTokens,
  setupKeys.status,
  userKeys.all,
  jitKeys.all,
  taskKeys.mine,
  notificationKeys.list({ unreadOnly: true }),
  notificationKeys.preferences,
];

describe('query keys', () => {
  it('starts every per-JIT key with [root, jitId], so the live layer knows whose JIT it caches', () => {
    for (const key of perJitKeys) expect([key, jitIdOfQueryKey(key)]).toEqual([key, 'j1']);
  });

  it('names in JIT_SCOPED_ROOTS exactly the roots of the per-JIT families, so a replay refreshes each of them', () => {
    expect(new Set(perJitKeys.map((key) => key[0]))).toEqual(JIT_SCOPED_ROOTS);
  });

  it('takes no account, platform or cross-JIT key for one JIT’s', () => {
    for (const key of notPerJitKeys) expect([key, jitIdOfQueryKey(key)]).toEqual([key, null]);
    // Presence is per JIT but not in the record: its own socket event and the reconnect refresh it.
    expect(jitIdOfQueryKey(presenceKeys.jit('j1'))).toBeNull();
  });

  it('makes each family’s prefix reach every key of that family and of that JIT only', () => {
    const families: [QueryKey, QueryKey[]][] = [
      [recordKeys.all('j1'), [recordKeys.list('j1', {})]],
      [evidenceKeys.all('j1'), perJitKeys.filter((key) => key[0] === 'evidence')],
      [evidenceKeys.lists('j1'), [evidenceKeys.list('j1', {}), evidenceKeys.list('j1', { folderId: 'f1' })]],
      [noteKeys.all('j1'), perJitKeys.filter((key) => key[0] === 'notes')],
      [taskKeys.all('j1'), [taskKeys.lists('j1'), taskKeys.list('j1', { status: 'blocked' }), taskKeys.task('j1', 't1')]],
      [commentKeys.all('j1'), [commentKeys.subject('j1', 'evidence', 'i1'), commentKeys.subject('j1', 'task', 't1')]],
      [linkKeys.all('j1'), [linkKeys.subject('j1', 'note', 'n1'), linkKeys.subject('j1', 'evidence', 'i1')]],
      [presenceKeys.all, [presenceKeys.jit('j1'), presenceKeys.jit('j2')]],
    ];
    for (const [prefix, keys] of families) {
      for (const key of keys) expect([prefix, key, reaches(prefix, key)]).toEqual([prefix, key, true]);
      expect([prefix, reaches(prefix, evidenceKeys.item('j2', 'i1')), reaches(prefix, noteKeys.note('j2', 'n1'))]).toEqual([prefix, false, false]);
    }
  });

  it('keeps the narrower prefixes narrow: one item, one list family, not the rest', () => {
    expect(reaches(evidenceKeys.lists('j1'), evidenceKeys.item('j1', 'i1'))).toBe(false);
    expect(reaches(evidenceKeys.custody('j1', 'i1'), evidenceKeys.item('j1', 'i1'))).toBe(false);
    expect(reaches(noteKeys.note('j1', 'n1'), noteKeys.note('j1', 'n2'))).toBe(false);
    expect(reaches(commentKeys.subject('j1', 'note', 'n1'), commentKeys.subject('j1', 'task', 'n1'))).toBe(false);
  });

  it('lets the notification lists be refreshed without the preferences', () => {
    expect(reaches(notificationKeys.lists, notificationKeys.list({ unreadOnly: false }))).toBe(true);
    expect(reaches(notificationKeys.lists, notificationKeys.preferences)).toBe(false);
  });

  it('has the JIT list reach every JIT’s detail unless invalidated exactly', () => {
    expect(reaches(jitKeys.all, jitKeys.detail('j1'))).toBe(true);
  });

  it('keeps the signed-in account apart from its API tokens', () => {
    expect(reaches(accountKeys.me, accountKeys.apiTokens)).toBe(false);
  });
});
