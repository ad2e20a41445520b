import type { EvidenceListPage, Jit, Me } from '@jit/shared';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { EvidenceList } from './evidence-list';
import { aJitAs, aMe, anEvidenceRow, aParty } from '../../../test/fixtures';
import { json, stubFetch } from '../../../test/fetch';

const me: Me = aMe({ email: 'a@nl.example', displayName: 'Anna', timeZone: 'UTC' });
const jit: Jit = aJitAs('member', { parties: [aParty()], maxUploadBytes: 1024 });

const item = (id: string, title: string, status: 'available' | 'integrity_failed') => anEvidenceRow({ id, title, status, createdByName: 'Anna', fileName: `${title}.png` });

afterEach(() => vi.unstubAllGlobals());

describe('EvidenceList', () => {
  it('lists items, flags a failed integrity, and loads the next page with the cursor', async () => {
    const calls = stubFetch(({ path, query }) => {
      if (path === '/api/jits/j1/evidence') {
        const page: EvidenceListPage =
          query.get('cursor') === 'c1'
            ? { items: [item('i3', 'Harbour photo', 'available')], nextCursor: null }
            : { items: [item('i1', 'Ledger', 'available'), item('i2', 'Damaged scan', 'integrity_failed')], nextCursor: 'c1' };
        return json(200, page);
      }
      return json(200, []);
    });
    const requests = () => calls.map((c) => c.url);
    await renderWithProviders(
      <MemoryRouter>
        <EvidenceList jit={jit} me={me} />
      </MemoryRouter>,
    );
    const row = await screen.findByTestId('evidence-row-Ledger');
    expect(row.querySelector('a')?.getAttribute('href')).toBe('/jits/j1/evidence/i1');
    expect(screen.getByTestId('evidence-row-Damaged scan').getAttribute('data-status')).toBe('integrity_failed');
    expect(screen.getByText('Integrity failed')).toBeTruthy();
    expect(requests().find((r) => r.startsWith('/api/jits/j1/evidence'))).toBe('/api/jits/j1/evidence?sort=createdAt&order=desc&limit=50');

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await screen.findByTestId('evidence-row-Harbour photo');
    expect(requests().some((r) => r.includes('cursor=c1'))).toBe(true);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: 'Sort by Title' }));
    await waitFor(() => expect(requests().some((r) => r.includes('sort=title&order=asc'))).toBe(true));
  });
});
