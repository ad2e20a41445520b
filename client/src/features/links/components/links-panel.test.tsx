import type { EvidenceListPage, Jit, JitRole, Link, NoteSummary, TaskListPage } from '@jit/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { LinksPanel } from './links-panel';
import { apiError, json, stubFetch, type FetchCall } from '../../../test/fetch';
import { aJitAs, aTask, anEvidenceRow } from '../../../test/fixtures';

const jitAs = (role: JitRole, status: Jit['status'] = 'active'): Jit => aJitAs(role, { status });

const link = (id: string, other: Link['other']): Link => ({
  id,
  jitId: 'j1',
  other,
  createdBy: 'u2',
  createdByName: 'Sanne Visser',
  createdAt: '2026-03-01T10:00:00.000Z',
});
const taskLink = link('l1', { type: 'task', id: 't1', title: 'Interview witness W' });
const evidenceLink = link('l2', { type: 'evidence', id: 'i1', title: 'Harbour photo' });

const notes: NoteSummary[] = [
  { id: 'n1', title: 'Suspects', tags: [], revision: 1, updatedAt: '2026-03-01T10:00:00.000Z', updatedBy: 'u2', updatedByName: 'Sanne Visser' },
  { id: 'n2', title: 'Statement of W', tags: [], revision: 1, updatedAt: '2026-03-01T10:00:00.000Z', updatedBy: 'u2', updatedByName: 'Sanne Visser' },
];

/** jsdom lays nothing out, so Mantine hides the dropdown of an input it takes for detached: its options are found among hidden elements. */
const findOption = (name: string) => screen.findByRole('option', { name, hidden: true });
const queryOption = (name: string) => screen.queryByRole('option', { name, hidden: true });

/**
 * A fake API: the links of note n1 are `links()`; a POST answers `onCreate()`. Notes, tasks and
 * evidence answer their lists, so the picker has something to offer.
 */
function serve(links: () => Link[], onCreate: () => Response = () => json(201, taskLink)): FetchCall[] {
  return stubFetch(({ method, path }) => {
    if (path === '/api/jits/j1/links' && method === 'GET') return json(200, links());
    if (path === '/api/jits/j1/links' && method === 'POST') return onCreate();
    if (path.startsWith('/api/jits/j1/links/') && method === 'DELETE') return new Response(null, { status: 204 });
    if (path === '/api/jits/j1/notes') return json(200, notes);
    if (path === '/api/jits/j1/tasks') return json(200, { items: [], nextCursor: null } satisfies TaskListPage);
    if (path === '/api/jits/j1/evidence') return json(200, { items: [], nextCursor: null } satisfies EvidenceListPage);
    return apiError(404, 'not_found');
  });
}

const renderPanel = (jit: Jit) =>
  renderWithProviders(
    <MemoryRouter>
      <LinksPanel jit={jit} subjectType="note" subjectId="n1" />
    </MemoryRouter>,
  );

/** Opens the form, chooses notes, and picks one by typing part of its title. */
async function pickNote(title: string, search: string) {
  fireEvent.click(screen.getByRole('button', { name: 'Add link' }));
  fireEvent.click(within(await screen.findByTestId('add-link-form')).getByText('Note'));
  const input = screen.getByRole('textbox', { name: 'Find by title' });
  fireEvent.click(input);
  fireEvent.change(input, { target: { value: search } });
  fireEvent.click(await findOption(title));
}

afterEach(() => vi.unstubAllGlobals());

describe('LinksPanel', () => {
  it('lists each linked record with its kind, leading to its page (a task opens over the board)', async () => {
    const calls = serve(() => [taskLink, evidenceLink]);
    await renderPanel(jitAs('member'));
    const rows = await screen.findAllByTestId('link-row');
    expect(rows.map((row) => row.getAttribute('data-subject-type'))).toEqual(['task', 'evidence']);
    expect(within(rows[0]).getByRole('img', { name: 'Task' })).toBeTruthy();
    expect(within(rows[0]).getByRole('link', { name: 'Interview witness W' }).getAttribute('href')).toBe('/jits/j1/tasks?task=t1');
    expect(within(rows[1]).getByRole('link', { name: 'Harbour photo' }).getAttribute('href')).toBe('/jits/j1/evidence/i1');
    expect(within(rows[0]).getByText(/Linked by Sanne Visser/)).toBeTruthy();
    expect(calls[0].url).toBe('/api/jits/j1/links?subjectType=note&subjectId=n1');
    expect(screen.getByRole('button', { name: 'Add link' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Remove the link to Harbour photo' })).toBeTruthy();
  });

  it('shows an observer the links but no way to add or remove one', async () => {
    serve(() => [taskLink]);
    await renderPanel(jitAs('observer'));
    await screen.findByRole('link', { name: 'Interview witness W' });
    expect(screen.queryByRole('button', { name: 'Add link' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Remove/ })).toBeNull();
  });

  it('offers no change on a closed JIT', async () => {
    serve(() => [taskLink]);
    await renderPanel(jitAs('leader', 'closed'));
    await screen.findByRole('link', { name: 'Interview witness W' });
    expect(screen.queryByRole('button', { name: 'Add link' })).toBeNull();
  });

  it('says when nothing is linked', async () => {
    serve(() => []);
    await renderPanel(jitAs('member'));
    expect(await screen.findByText('Nothing is linked yet.')).toBeTruthy();
  });

  it('links a note found by its title, leaving out the note itself, and shows the new link', async () => {
    let links: Link[] = [];
    const created = link('l3', { type: 'note', id: 'n2', title: 'Statement of W' });
    const calls = serve(
      () => links,
      () => {
        links = [created];
        return json(201, created);
      },
    );
    await renderPanel(jitAs('member'));
    await screen.findByText('Nothing is linked yet.');
    fireEvent.click(screen.getByRole('button', { name: 'Add link' }));
    fireEvent.click(within(await screen.findByTestId('add-link-form')).getByText('Note'));
    const input = screen.getByRole('textbox', { name: 'Find by title' });
    fireEvent.click(input);
    // The note whose panel this is cannot be linked to itself.
    expect(await findOption('Statement of W')).toBeTruthy();
    expect(queryOption('Suspects')).toBeNull();
    fireEvent.change(input, { target: { value: 'statement' } });
    fireEvent.click(await findOption('Statement of W'));
    fireEvent.click(screen.getByRole('button', { name: 'Link' }));

    await screen.findByRole('link', { name: 'Statement of W' });
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ fromType: 'note', fromId: 'n1', toType: 'note', toId: 'n2' });
    await waitFor(() => expect(screen.queryByTestId('add-link-form')).toBeNull());
  });

  it('asks the server for evidence by title, and offers neither pending uploads nor records already linked', async () => {
    const item = (id: string, title: string, status: 'available' | 'pending') => anEvidenceRow({ id, title, status });
    const calls = stubFetch(({ path }) => {
      if (path === '/api/jits/j1/links') return json(200, [evidenceLink]);
      const page: EvidenceListPage = {
        items: [item('i1', 'Harbour photo', 'available'), item('i2', 'Harbour ledger', 'available'), item('i3', 'Harbour video', 'pending')],
        nextCursor: null,
      };
      return json(200, page);
    });
    await renderPanel(jitAs('member'));
    fireEvent.click(await screen.findByRole('button', { name: 'Add link' }));
    const input = screen.getByRole('textbox', { name: 'Find by title' });
    fireEvent.click(input);
    fireEvent.change(input, { target: { value: 'harb' } });
    await waitFor(() => expect(calls.map((c) => c.url)).toContain('/api/jits/j1/evidence?q=harb&limit=50'));
    expect(await findOption('Harbour ledger')).toBeTruthy();
    expect(queryOption('Harbour photo')).toBeNull();
    expect(queryOption('Harbour video')).toBeNull();
  });

  it('offers the tasks of every page of the task list', async () => {
    const task = (id: string, title: string) => aTask({ id, title });
    const calls = stubFetch(({ path, query }) => {
      if (path === '/api/jits/j1/links') return json(200, []);
      const page: TaskListPage =
        query.get('cursor') === 'c1' ? { items: [task('t2', 'Freeze the accounts')], nextCursor: null } : { items: [task('t1', 'Interview witness W')], nextCursor: 'c1' };
      return json(200, page);
    });
    await renderPanel(jitAs('member'));
    fireEvent.click(await screen.findByRole('button', { name: 'Add link' }));
    fireEvent.click(within(await screen.findByTestId('add-link-form')).getByText('Task'));
    fireEvent.click(screen.getByRole('textbox', { name: 'Find by title' }));
    expect(await findOption('Freeze the accounts')).toBeTruthy();
    expect(queryOption('Interview witness W')).toBeTruthy();
    expect(calls.map((c) => c.url).filter((url) => url.startsWith('/api/jits/j1/tasks'))).toEqual(['/api/jits/j1/tasks?limit=200', '/api/jits/j1/tasks?limit=200&cursor=c1']);
  });

  it('says, in the reader’s words, that two records are already linked', async () => {
    serve(
      () => [],
      () => apiError(409, 'link_exists', 'These two are already linked.'),
    );
    await renderPanel(jitAs('member'));
    await screen.findByText('Nothing is linked yet.');
    await pickNote('Statement of W', 'state');
    fireEvent.click(screen.getByRole('button', { name: 'Link' }));
    expect((await screen.findByRole('alert')).textContent).toContain('These two are already linked.');
    expect(screen.getByTestId('add-link-form')).toBeTruthy();
  });

  it('shows a record the server refuses next to the picker', async () => {
    serve(
      () => [],
      () => json(400, { statusCode: 400, error: 'validation_failed', message: 'no', details: [{ field: 'toId', code: 'invalid_value' }] }),
    );
    await renderPanel(jitAs('legal_adviser'));
    await screen.findByText('Nothing is linked yet.');
    await pickNote('Statement of W', 'W');
    fireEvent.click(screen.getByRole('button', { name: 'Link' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Some fields are not valid');
    expect(screen.getByText('This value is not valid.')).toBeTruthy();
    // Shown at the picker, so not repeated in the alert.
    expect(screen.getByRole('alert').textContent).not.toContain('toId');
  });

  it('removes a link once confirmed', async () => {
    let links = [taskLink];
    const calls = serve(() => links);
    await renderPanel(jitAs('member'));
    fireEvent.click(await screen.findByRole('button', { name: 'Remove the link to Interview witness W' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('“Interview witness W” will no longer be linked here');
    links = [];
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove link' }));
    await screen.findByText('Nothing is linked yet.');
    expect(calls.find((c) => c.method === 'DELETE')?.url).toBe('/api/jits/j1/links/l1');
  });
});
