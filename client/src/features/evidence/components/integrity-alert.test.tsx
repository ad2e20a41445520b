import type { EvidenceListPage, Jit, JitRole, Me } from '@jit/shared';
import { screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { IntegrityAlert } from './integrity-alert';
import { json, stubFetch } from '../../../test/fetch';
import { aJitAs, aMe, anEvidenceRow } from '../../../test/fixtures';

const me: Me = aMe();
const jitAs = (role: JitRole): Jit => aJitAs(role, { maxUploadBytes: 1024 });

/** Answers every request with the page; returns the addresses asked for, as they grow. */
function stubEvidence(page: EvidenceListPage): string[] {
  const requests: string[] = [];
  stubFetch(({ url }) => {
    requests.push(url);
    return json(200, page);
  });
  return requests;
}

const failed = (id: string, title: string) => anEvidenceRow({ id, title, status: 'integrity_failed' });

afterEach(() => vi.unstubAllGlobals());

describe('IntegrityAlert', () => {
  it.each(['leader', 'legal_adviser'] as const)('shows a %s the items that failed their fixity check, as links', async (role) => {
    const requests = stubEvidence({ items: [failed('i1', 'Ledger'), failed('i2', 'Damaged scan')], nextCursor: null });
    await renderWithProviders(
      <MemoryRouter>
        <IntegrityAlert jit={jitAs(role)} me={me} />
      </MemoryRouter>,
    );
    const alert = await screen.findByTestId('integrity-alert');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(screen.getByRole('link', { name: 'Ledger' }).getAttribute('href')).toBe('/jits/j1/evidence/i1');
    expect(screen.getByRole('link', { name: 'Damaged scan' }).getAttribute('href')).toBe('/jits/j1/evidence/i2');
    expect(requests).toEqual(['/api/jits/j1/evidence?status=integrity_failed&limit=50']);
  });

  it('says when more items failed than are listed', async () => {
    stubEvidence({ items: [failed('i1', 'Ledger')], nextCursor: 'c1' });
    await renderWithProviders(
      <MemoryRouter>
        <IntegrityAlert jit={jitAs('leader')} me={me} />
      </MemoryRouter>,
    );
    expect(await screen.findByText('Only the first 50 items are listed.')).toBeTruthy();
  });

  it('shows nothing while no item failed', async () => {
    const requests = stubEvidence({ items: [], nextCursor: null });
    await renderWithProviders(
      <MemoryRouter>
        <IntegrityAlert jit={jitAs('leader')} me={me} />
      </MemoryRouter>,
    );
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(screen.queryByTestId('integrity-alert')).toBeNull();
  });

  it('neither asks nor shows for a member or an observer', async () => {
    for (const role of ['member', 'observer'] as const) {
      const requests = stubEvidence({ items: [failed('i1', 'Ledger')], nextCursor: null });
      const { unmount } = await renderWithProviders(
        <MemoryRouter>
          <IntegrityAlert jit={jitAs(role)} me={me} />
        </MemoryRouter>,
      );
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(requests).toEqual([]);
      expect(screen.queryByTestId('integrity-alert')).toBeNull();
      unmount();
    }
  });
});
