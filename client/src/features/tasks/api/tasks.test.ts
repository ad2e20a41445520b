import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TASK_LIMITS, type Task, type TaskListPage } from '@jit/shared';
import { apiError, json, stubFetch, type FetchCall } from '../../../test/fetch';
import { aTask } from '../../../test/fixtures';
import { listTasks } from './tasks';

/** An unassigned task titled by its id. */
const task = (id: string, status: Task['status'] = 'todo'): Task => aTask({ id, title: id, status, assigneeMemberId: null, assigneeUserId: null, assigneeName: null });

const page = (items: Task[], nextCursor: string | null): Response => json(200, { items, nextCursor } satisfies TaskListPage);

describe('listTasks', () => {
  /** The pages the fake server answers, in order. */
  let pages: Response[] = [];
  let calls: FetchCall[] = [];
  beforeEach(() => {
    pages = [];
    calls = stubFetch(() => pages.shift() ?? apiError(404, 'not_found'));
  });
  afterEach(() => vi.unstubAllGlobals());

  const queryOf = (call: number) => Object.fromEntries(calls[call].query);

  it('follows the cursor until the last page, keeping the filters on every request', async () => {
    pages = [page([task('a'), task('b')], 'c1'), page([task('c')], null)];
    const tasks = await listTasks('j1', { status: 'todo' });
    expect(tasks.map((t) => t.id)).toEqual(['a', 'b', 'c']);
    expect(calls).toHaveLength(2);
    expect(queryOf(0)).toEqual({ status: 'todo', limit: String(TASK_LIMITS.pageMax) });
    expect(queryOf(1)).toEqual({ status: 'todo', limit: String(TASK_LIMITS.pageMax), cursor: 'c1' });
  });

  it('keeps one copy of a task moved while the pages were read, in its new place', async () => {
    pages = [page([task('a', 'blocked'), task('b', 'blocked')], 'c1'), page([task('a', 'todo'), task('c', 'todo')], null)];
    const tasks = await listTasks('j1');
    expect(tasks.map((t) => [t.id, t.status])).toEqual([
      ['b', 'blocked'],
      ['a', 'todo'],
      ['c', 'todo'],
    ]);
  });
});
