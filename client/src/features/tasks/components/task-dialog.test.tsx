import type { Jit, JitRole, Task } from '@jit/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { TaskDialog } from './task-dialog';
import { apiError, json, stubFetch, type FetchCall } from '../../../test/fetch';
import { aJit, aJitAs, aMembership, aTask } from '../../../test/fixtures';

const jitAs = (role: JitRole): Jit => aJitAs(role);

const task: Task = aTask({ description: 'Ask about the **second** container.', status: 'in_progress', priority: 'high', labels: ['port'] });

/** Answers reads of the task (with `checklist`) and saves ticks of its items; `ticks` lists what was sent. */
function serve(checklist: Task['checklist'] = [], ticks: Array<[string, unknown]> = []): FetchCall[] {
  let current: Task = { ...task, checklist };
  return stubFetch(({ method, path, body }) => {
    const tick = /^\/api\/jits\/j1\/tasks\/t1\/checklist\/(\d+)$/.exec(path);
    if (tick && method === 'PATCH') {
      const sent = body as { text: string; done: boolean };
      ticks.push([path, sent]);
      current = { ...current, checklist: current.checklist.map((item, i) => (i === Number(tick[1]) ? { ...item, done: sent.done } : item)) };
      return json(200, current);
    }
    if (path === '/api/jits/j1/tasks/t1') return json(200, current);
    if (path === '/api/jits/j1/members') return json(200, []);
    return json(200, []);
  });
}

function Address() {
  const location = useLocation();
  return <output data-testid="address">{`${location.pathname}${location.search}`}</output>;
}

/** As the tasks page decides it: the assignee's membership is m2. */
const canTickAs = (jit: Jit) => (candidate: Task) => jit.myMembership?.role === 'leader' || candidate.assigneeMemberId === jit.myMembership?.memberId;

const renderAt = (jit: Jit, canManage: boolean, address: string) =>
  renderWithProviders(
    <RouterProvider
      router={createMemoryRouter(
        [
          {
            path: '/jits/j1/tasks',
            element: (
              <>
                <Address />
                <TaskDialog jit={jit} canManage={canManage} canTick={canTickAs(jit)} />
              </>
            ),
          },
        ],
        { initialEntries: [address] },
      )}
    />,
  );

afterEach(() => vi.unstubAllGlobals());

describe('TaskDialog', () => {
  it('opens the task named in the address for a member to read, with its links and comments', async () => {
    const calls = serve();
    await renderAt(jitAs('member'), false, '/jits/j1/tasks?task=t1&view=board');
    const dialog = await screen.findByRole('dialog');
    const details = await within(dialog).findByTestId('task-details');
    expect(details.textContent).toContain('Interview witness W');
    expect(details.textContent).toContain('Sanne Visser');
    expect(details.querySelector('strong')?.textContent).toBe('second');
    expect(within(dialog).getByTestId('links-panel')).toBeTruthy();
    expect(within(dialog).getByTestId('comments-panel')).toBeTruthy();
    expect(calls.map((c) => c.url)).toContain('/api/jits/j1/links?subjectType=task&subjectId=t1');

    // Closing takes the task out of the address and keeps the rest of it.
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await waitFor(() => expect(screen.getByTestId('address').textContent).toBe('/jits/j1/tasks?view=board'));
  });

  it('lets the assignee tick its checklist, one item per request with the text shown', async () => {
    const ticks: Array<[string, unknown]> = [];
    serve(
      [
        { text: 'Ask about the container', done: false },
        { text: 'Note the seal numbers', done: false },
      ],
      ticks,
    );
    const assignee = aJit({ myMembership: aMembership({ memberId: 'm2', role: 'member' }) });
    await renderAt(assignee, false, '/jits/j1/tasks?task=t1');
    const checklist = await within(await screen.findByRole('dialog')).findByTestId('task-checklist');
    expect(checklist.textContent).toContain('Checklist: 0/2');
    fireEvent.click(within(checklist).getByRole('checkbox', { name: 'Note the seal numbers' }));
    expect(checklist.textContent).toContain('Checklist: 1/2');
    await waitFor(() => expect(ticks).toEqual([['/api/jits/j1/tasks/t1/checklist/1', { text: 'Note the seal numbers', done: true }]]));
    await waitFor(() => expect(within(checklist).getByRole<HTMLInputElement>('checkbox', { name: 'Note the seal numbers' }).checked).toBe(true));
  });

  it('shows other members the checklist items read-only', async () => {
    serve([{ text: 'Ask about the container', done: true }]);
    await renderAt(jitAs('member'), false, '/jits/j1/tasks?task=t1');
    const checklist = await within(await screen.findByRole('dialog')).findByTestId('task-checklist');
    const box = within(checklist).getByRole<HTMLInputElement>('checkbox', { name: 'Ask about the container' });
    expect([box.checked, box.disabled]).toEqual([true, true]);
  });

  it('gives a leader the form to edit it', async () => {
    serve();
    await renderAt(jitAs('leader'), true, '/jits/j1/tasks?task=t1');
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByDisplayValue('Interview witness W')).toBeTruthy();
    expect(within(dialog).queryByTestId('task-details')).toBeNull();
  });

  it("refuses a leader's save over a change made meanwhile, and Reload fills the form with the task as it is now", async () => {
    let current: Task = { ...task, checklist: [{ text: 'Ask about the container', done: false }] };
    const saves: unknown[] = [];
    stubFetch(({ method, path, body }) => {
      if (path === '/api/jits/j1/tasks/t1' && method === 'PATCH') {
        const sent = body as Partial<Task> & { baseUpdatedAt: string };
        saves.push(sent);
        if (sent.baseUpdatedAt !== current.updatedAt) return apiError(409, 'stale_revision', 'stale');
        current = { ...current, title: sent.title ?? current.title, updatedAt: '2026-03-01T12:00:00.000Z' };
        return json(200, current);
      }
      if (path === '/api/jits/j1/tasks/t1') return json(200, current);
      return json(200, []);
    });
    await renderAt(jitAs('leader'), true, '/jits/j1/tasks?task=t1');
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(await within(dialog).findByDisplayValue('Interview witness W'), { target: { value: 'Interview W at the port' } });
    // The assignee ticks the item while the form is open.
    current = { ...current, checklist: [{ text: 'Ask about the container', done: true }], updatedAt: '2026-03-01T11:00:00.000Z' };
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save task' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('This task was changed by someone else since you opened it');
    expect(saves).toEqual([expect.objectContaining({ title: 'Interview W at the port', baseUpdatedAt: '2026-03-01T10:00:00.000Z' })]);

    fireEvent.click(within(alert).getByRole('button', { name: 'Reload task' }));
    // The form now shows the task as it is, the tick included, and the message is gone.
    await waitFor(() => expect(within(dialog).getByRole<HTMLInputElement>('checkbox', { name: 'Item 1 done' }).checked).toBe(true));
    expect(within(dialog).getByDisplayValue('Interview witness W')).toBeTruthy();
    expect(within(dialog).queryByRole('alert')).toBeNull();

    fireEvent.change(within(dialog).getByDisplayValue('Interview witness W'), { target: { value: 'Interview W at the port' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save task' }));
    await waitFor(() => expect(saves).toHaveLength(2));
    expect(saves[1]).toMatchObject({ baseUpdatedAt: '2026-03-01T11:00:00.000Z', checklist: [{ text: 'Ask about the container', done: true }] });
    await waitFor(() => expect(screen.getByTestId('address').textContent).toBe('/jits/j1/tasks'));
  });

  it('stays closed without a task in the address', async () => {
    const calls = serve();
    await renderAt(jitAs('member'), false, '/jits/j1/tasks');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls).toEqual([]);
  });
});
