import { AUDIT_ACTIONS, type AuditAction } from './audit';
import { actionsFor, audienceOf, changedTo, RECORD_ACTIONS, type RecordAudience, type RecordChanges, type RecordEventInput } from './record-catalogue';

describe('the record catalogue', () => {
  it('describes every action exactly once', () => {
    expect(Object.keys(RECORD_ACTIONS).sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  it('puts every action in exactly one audience', () => {
    const audiences: RecordAudience[] = ['team', 'party', 'oversight'];
    const all = audiences.flatMap((audience) => actionsFor(audience));
    expect(all.sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  it.each<[AuditAction, RecordAudience]>([
    ['evidence.viewed', 'oversight'],
    ['evidence.downloaded', 'oversight'],
    ['evidence.verified', 'oversight'],
    ['evidence.integrity_failed', 'team'],
    ['evidence.uploaded', 'team'],
    ['task.moved', 'team'],
    ['auth.login', 'team'],
  ])('%s is seen by %s', (action, audience) => expect(audienceOf(action)).toBe(audience));

  it('keeps account events on the platform chain and work on the JIT chain', () => {
    const platform = AUDIT_ACTIONS.filter((action) => RECORD_ACTIONS[action].chain === 'platform');
    expect(platform.every((action) => action.startsWith('user.') || action.startsWith('auth.') || action.startsWith('platform.'))).toBe(true);
    expect(AUDIT_ACTIONS.filter((action) => RECORD_ACTIONS[action].chain === 'both')).toEqual(['jit.created']);
  });

  it('records a comment against what was commented on', () => {
    expect(RECORD_ACTIONS['comment.added'].subjects).toEqual(['evidence', 'note', 'task']);
  });
});

describe('changedTo', () => {
  const changes: RecordChanges<'task.updated'> = [
    { field: 'title', from: 'Old', to: 'New' },
    { field: 'assigneeMemberId', from: null, to: 'm-1' },
    { field: 'dueDate', from: '2026-01-01', to: null },
  ];

  it('returns the values a field was changed to, typed by the field', () => {
    const assignees: string[] = changedTo(changes, 'assigneeMemberId');
    expect(assignees).toEqual(['m-1']);
  });

  it('leaves out a field cleared to null and one not changed at all', () => {
    expect(changedTo(changes, 'dueDate')).toEqual([]);
    expect(changedTo(changes, 'priority')).toEqual([]);
  });

  it('keeps list values whole', () => {
    const mentions: RecordChanges<'comment.added'> = [{ field: 'mentions', from: null, to: ['m-1', 'm-2'] }];
    expect(changedTo(mentions, 'mentions')).toEqual([['m-1', 'm-2']]);
  });
});

describe('typed entries', () => {
  // These are checked by the compiler when the suite runs: a wrong field or value does not build.
  it('accepts the fields of the action and refuses others', () => {
    const moved: RecordEventInput<'task.moved'> = { action: 'task.moved', subjectId: 't-1', changes: [{ field: 'status', from: 'todo', to: 'done' }] };
    // @ts-expect-error a task move records status and position, not a title
    const wrongField: RecordEventInput<'task.moved'> = { action: 'task.moved', subjectId: 't-1', changes: [{ field: 'title', from: null, to: 'x' }] };
    // @ts-expect-error a status is one of the task statuses
    const wrongValue: RecordEventInput<'task.moved'> = { action: 'task.moved', subjectId: 't-1', changes: [{ field: 'status', from: null, to: 'finished' }] };
    // @ts-expect-error a comment names what was commented on, never a folder
    const wrongSubject: RecordEventInput<'comment.added'> = { action: 'comment.added', subjectType: 'folder', subjectId: 'f-1' };
    expect([moved, wrongField, wrongValue, wrongSubject]).toHaveLength(4);
  });
});
