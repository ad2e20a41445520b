import { Notifications, notifications } from '@mantine/notifications';
import type { ChecklistItem, Jit, JitRole, Me, Task, TaskListPage } from '@jit/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { aJitAs, aMe, aTask } from '../../../test/fixtures';
import { TasksPage } from './tasks-page';
import { apiError, json, stubFetch, type FetchCall } from '../../../test/fetch';

const me: Me = aMe();
/** The caller's membership is m1; the task is assigned to m2 unless a test says otherwise. */
const jitAs = (role: JitRole): Jit => aJitAs(role);

const TITLE = 'Trace the containers';

const TICK = /^\/api\/jits\/j1\/tasks\/t1\/checklist\/(\d+)$/;

/**
 * A server holding one task: GETs answer its current state; a tick (PATCH …/checklist/:index) is
 * refused with 409 `conflict` when the item no longer reads the text sent, as the server does, and
 * otherwise saved, unless `refusal` answers it instead. Ticks wait until `release` is called, so a
 * test sees the card while a save is under way.
 */
function serve(checklist: Task['checklist'], options: { assigneeMemberId?: string; refusal?: () => Response } = {}) {
  const { refusal, ...assigned } = options;
  let task = aTask({ title: TITLE, checklist, createdBy: 'u0', ...assigned });
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const calls = stubFetch(async ({ method, path, body }) => {
    if (path === '/api/jits/j1/tasks') return json(200, { items: [task], nextCursor: null } satisfies TaskListPage);
    if (path === '/api/jits/j1/tasks/t1' && method === 'GET') return json(200, task);
    const tick = TICK.exec(path);
    if (tick && method === 'PATCH') {
      await released;
      if (refusal) return refusal();
      const index = Number(tick[1]);
      const sent = body as ChecklistItem;
      if (task.checklist[index]?.text !== sent.text) return apiError(409, 'conflict', 'The checklist changed; reload the task and try again.');
      task = { ...task, checklist: task.checklist.map((item, i) => (i === index ? { ...item, done: sent.done } : item)) };
      return json(200, task);
    }
    return apiError(404, 'not_found', path);
  });
  return {
    calls,
    release,
    /** Someone else edits the task on the server. */
    change: (next: Task['checklist']) => (task = { ...task, checklist: next }),
  };
}

function Address() {
  const location = useLocation();
  return <output data-testid="address">{`${location.pathname}${location.search}`}</output>;
}

async function openBoard(role: JitRole = 'leader') {
  const router = createMemoryRouter(
    [
      {
        path: '/jits/j1/tasks',
        element: (
          <>
            <Address />
            <TasksPage jit={jitAs(role)} me={me} />
          </>
        ),
      },
    ],
    { initialEntries: ['/jits/j1/tasks'] },
  );
  await renderWithProviders(
    <>
      <Notifications />
      <RouterProvider router={router} />
    </>,
  );
  return screen.findByTestId(`task-card-${TITLE}`);
}

async function openChecklist(role: JitRole = 'leader') {
  const card = await openBoard(role);
  fireEvent.click(within(card).getByTestId('checklist-progress'));
  return card;
}

const checklist = [
  { text: 'Request the manifests', done: true },
  { text: 'Call the port authority', done: false },
  { text: 'Compare the seals', done: false },
];
const progress = (card: HTMLElement) => within(card).getByTestId('checklist-progress');
const ticks = (calls: FetchCall[]) => calls.filter((call) => call.method === 'PATCH').map((call) => [call.path, call.body]);
const box = (card: HTMLElement, name: string) => within(card).getByRole<HTMLInputElement>('checkbox', { name });

describe('the checklist on a task card', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    notifications.clean();
  });

  it('shows the progress and unfolds into the items', async () => {
    serve(checklist);
    const card = await openChecklist();
    expect(progress(card).textContent).toBe('Checklist: 1/3');
    expect(progress(card).getAttribute('aria-expanded')).toBe('true');
    const items = within(card).getByRole('group', { name: `Checklist of ${TITLE}` });
    expect(
      within(items)
        .getAllByRole('checkbox')
        .map((b) => (b as HTMLInputElement).checked),
    ).toEqual([true, false, false]);

    fireEvent.click(progress(card));
    expect(within(card).queryByRole('group')).toBeNull();
    expect(progress(card).getAttribute('aria-expanded')).toBe('false');
  });

  it('lets a leader tick an item: the card counts it at once and the server gets that one item with the text shown', async () => {
    const server = serve(checklist);
    const card = await openChecklist();
    fireEvent.click(box(card, 'Call the port authority'));
    // In the click's own render: no timer or request has run yet.
    expect(progress(card).textContent).toBe('Checklist: 2/3');
    expect(box(card, 'Call the port authority').checked).toBe(true);
    await waitFor(() => expect(ticks(server.calls)).toHaveLength(1));
    expect(progress(card).textContent).toBe('Checklist: 2/3');
    server.release();
    expect(ticks(server.calls)).toEqual([['/api/jits/j1/tasks/t1/checklist/1', { text: 'Call the port authority', done: true }]]);
    // No read of the task before the tick (the server checks the item), and the board read again after it.
    const path = (call: FetchCall) => `${call.method} ${call.path}`;
    const tickAt = server.calls.findIndex((call) => call.method === 'PATCH');
    expect(server.calls.map(path)).not.toContain('GET /api/jits/j1/tasks/t1');
    await waitFor(() => expect(server.calls.slice(tickAt + 1).map(path)).toContain('GET /api/jits/j1/tasks'));
    await waitFor(() => expect(box(card, 'Call the port authority').checked).toBe(true));
    expect(progress(card).textContent).toBe('Checklist: 2/3');
  });

  it('sends quick ticks one after the other, in the order they were made', async () => {
    const server = serve(checklist);
    const card = await openChecklist();
    fireEvent.click(box(card, 'Call the port authority'));
    fireEvent.click(box(card, 'Compare the seals'));
    fireEvent.click(box(card, 'Call the port authority'));
    expect(progress(card).textContent).toBe('Checklist: 2/3');
    // The second waits for the first to be answered.
    await waitFor(() => expect(ticks(server.calls)).toHaveLength(1));
    server.release();
    await waitFor(() => expect(ticks(server.calls)).toHaveLength(3));
    expect(ticks(server.calls)).toEqual([
      ['/api/jits/j1/tasks/t1/checklist/1', { text: 'Call the port authority', done: true }],
      ['/api/jits/j1/tasks/t1/checklist/2', { text: 'Compare the seals', done: true }],
      ['/api/jits/j1/tasks/t1/checklist/1', { text: 'Call the port authority', done: false }],
    ]);
    await waitFor(() => expect(progress(card).textContent).toBe('Checklist: 2/3'));
    expect(box(card, 'Call the port authority').checked).toBe(false);
  });

  it('keeps a tick made meanwhile by someone else: the server changes only the item sent', async () => {
    const server = serve(checklist);
    const card = await openChecklist();
    server.change([checklist[0], checklist[1], { ...checklist[2], done: true }]);
    server.release();
    fireEvent.click(box(card, 'Call the port authority'));
    await waitFor(() => expect(ticks(server.calls)).toHaveLength(1));
    await waitFor(() => expect(progress(card).textContent).toBe('Checklist: 3/3'));
  });

  it('says so when the item has changed meanwhile (409), and shows the current checklist', async () => {
    const server = serve(checklist);
    const card = await openChecklist();
    server.change([checklist[0], { text: 'Call the harbour master', done: false }]);
    server.release();
    fireEvent.click(box(card, 'Call the port authority'));

    expect(await screen.findByText(`The checklist of “${TITLE}” was not saved`)).toBeTruthy();
    expect(screen.getByText(/Someone changed this checklist meanwhile/)).toBeTruthy();
    await waitFor(() => expect(progress(card).textContent).toBe('Checklist: 1/2'));
    expect(box(card, 'Call the harbour master').checked).toBe(false);
  });

  it('shows any other refusal in a toast and puts the item back', async () => {
    const server = serve(checklist, { refusal: () => json(409, { statusCode: 409, error: 'jit_expired', message: 'expired' }) });
    const card = await openChecklist();
    fireEvent.click(box(card, 'Call the port authority'));
    await waitFor(() => expect(ticks(server.calls)).toHaveLength(1));
    expect(progress(card).textContent).toBe('Checklist: 2/3');
    server.release();

    expect(await screen.findByText(`The checklist of “${TITLE}” was not saved`)).toBeTruthy();
    expect(screen.getByText('This JIT has expired. Record an extension first.')).toBeTruthy();
    await waitFor(() => expect(progress(card).textContent).toBe('Checklist: 1/3'));
    expect(box(card, 'Call the port authority').checked).toBe(false);
  });

  it('lets the assignee tick, who is no leader', async () => {
    const server = serve(checklist, { assigneeMemberId: 'm1' });
    server.release();
    const card = await openChecklist('member');
    expect(box(card, 'Compare the seals').disabled).toBe(false);
    fireEvent.click(box(card, 'Compare the seals'));
    await waitFor(() => expect(ticks(server.calls)).toEqual([['/api/jits/j1/tasks/t1/checklist/2', { text: 'Compare the seals', done: true }]]));
    await waitFor(() => expect(progress(card).textContent).toBe('Checklist: 2/3'));
  });

  it('shows other members the items without letting them tick', async () => {
    serve(checklist);
    const card = await openChecklist('member');
    // A browser sends no click to a disabled checkbox (jsdom's fireEvent would, so none is sent here).
    expect(
      within(card)
        .getAllByRole('checkbox')
        .every((b) => (b as HTMLInputElement).disabled),
    ).toBe(true);
    expect(card.getAttribute('draggable')).toBe('false');
  });

  it('does not start dragging the card from the checklist, but still from the card and its title', async () => {
    serve(checklist);
    const card = await openChecklist();
    const setData = vi.fn();
    const dataTransfer = { setData, effectAllowed: 'none' };

    const fromCheckbox = fireEvent.dragStart(box(card, 'Compare the seals'), { dataTransfer });
    expect(fromCheckbox).toBe(false);
    expect(setData).not.toHaveBeenCalled();

    const fromCard = fireEvent.dragStart(within(card).getByText(TITLE), { dataTransfer });
    expect(fromCard).toBe(true);
    expect(setData).toHaveBeenCalledWith('application/x-jit-task', 't1');
  });
});

describe('the title of a task card', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('opens the task for a member who is neither a leader nor its assignee, from the keyboard too, without moving it', async () => {
    const server = serve(checklist);
    server.release();
    const card = await openBoard('member');
    const title = within(card).getByRole('link', { name: TITLE });
    expect(title.getAttribute('href')).toBe('/jits/j1/tasks?task=t1');
    // Not a drag source of its own: a press that wanders off drags the card (when the caller may move it), not the address.
    expect(title.getAttribute('draggable')).toBe('false');
    title.focus();
    expect(document.activeElement).toBe(title);
    fireEvent.click(title);
    await waitFor(() => expect(screen.getByTestId('address').textContent).toBe('/jits/j1/tasks?task=t1'));
    const details = await within(await screen.findByRole('dialog')).findByTestId('task-details');
    expect(details.textContent).toContain(TITLE);
    expect(server.calls.filter((call) => call.method !== 'GET')).toEqual([]);
  });
});
