import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TASK_LIMITS, type Task, type TaskListPage } from '@jit/shared';
import { listTasks } from './tasks';

const task = (id: string, status: Task['status'] = 'todo'): Task => ({
  id,
  jitId: 'j1',
  title: id,
  description: '',
  status,
  position: 0,
  priority: 'normal',
  assigneeMemberId: null,
  assigneeUserId: null,
  assigneeName: null,
  assigningPartyId: 'p1',
  dueDate: null,
  overdue: false,
  labels: [],
  checklist: [],
  createdBy: 'u1',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

const page = (items: Task[], nextCursor: string | null): Response =>
  new Response(JSON.stringify({ items, nextCursor } satisfies TaskListPage), { status: 200, headers: { 'Content-Type': 'application/json' } });

describe('listTasks', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  const urlOf = (call: number) => new URL(String(fetchMock.mock.calls[call][0]), 'http://localhost');

  it('follows the cursor until the last page, keeping the filters on every request', async () => {
    fetchMock.mockResolvedValueOnce(page([task('a'), task('b')], 'c1')).mockResolvedValueOnce(page([task('c')], null));
    const tasks = await listTasks('j1', { status: 'todo' });
    expect(tasks.map((t) => t.id)).toEqual(['a', 'b', 'c']);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(Object.fromEntries(urlOf(0).searchParams)).toEqual({ status: 'todo', limit: String(TASK_LIMITS.pageMax) });
    expect(Object.fromEntries(urlOf(1).searchParams)).toEqual({ status: 'todo', limit: String(TASK_LIMITS.pageMax), cursor: 'c1' });
  });

  it('keeps one copy of a task moved while the pages were read, in its new place', async () => {
    fetchMock.mockResolvedValueOnce(page([task('a', 'blocked'), task('b', 'blocked')], 'c1')).mockResolvedValueOnce(page([task('a', 'todo'), task('c', 'todo')], null));
    const tasks = await listTasks('j1');
    expect(tasks.map((t) => [t.id, t.status])).toEqual([
      ['b', 'blocked'],
      ['a', 'todo'],
      ['c', 'todo'],
    ]);
  });
});
