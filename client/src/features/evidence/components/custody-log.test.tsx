import type { AuditEvent } from '@jit/shared';
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, stubFetch } from '../../../test/fetch';
import { aJit, anEvidenceItem, aParty } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { CustodyLog, Downloads } from './custody-log';

const reading = (seq: number, action: AuditEvent['action'], actor: string | null, ip: string | null): AuditEvent => ({
  chain: 'jit:j1',
  seq,
  occurredAt: '2026-03-01T10:00:00.000Z',
  actorUserId: actor ? `u-${seq}` : null,
  actorDisplayName: actor,
  actorPartyId: 'p1',
  actorTimeZone: 'Europe/Amsterdam',
  action,
  subjectType: 'evidence',
  subjectId: 'i1',
  changes: [],
  ip,
  userAgent: ip ? 'Firefox' : null,
  prevHash: '0'.repeat(64),
  hash: '1'.repeat(64),
});

afterEach(() => vi.unstubAllGlobals());

describe('CustodyLog', () => {
  it('lists every event of the item with who, what and from where; the system where nobody acted', async () => {
    const calls = stubFetch(() =>
      json(200, [
        reading(3, 'evidence.uploaded', 'Anna de Vries', '10.0.0.1'),
        reading(7, 'evidence.downloaded', 'Lucía Fernández', '10.0.0.2'),
        reading(9, 'evidence.verified', null, null),
      ]),
    );
    await renderWithProviders(<CustodyLog jitId="j1" itemId="i1" />);

    const downloaded = await screen.findByTestId('custody-row-7');
    expect(downloaded.getAttribute('data-action')).toBe('evidence.downloaded');
    expect(within(downloaded).getByText('Lucía Fernández')).toBeTruthy();
    expect(within(downloaded).getByText('Evidence downloaded')).toBeTruthy();
    expect(within(downloaded).getByText('10.0.0.2').getAttribute('title')).toBe('Firefox');
    const verified = screen.getByTestId('custody-row-9');
    expect(within(verified).getByText('Integrity verified')).toBeTruthy();
    expect(within(verified).getByText('—')).toBeTruthy();
    expect(calls.map((c) => c.path)).toEqual(['/api/jits/j1/evidence/i1/custody']);
  });

  it('says so when nothing has happened to the item yet', async () => {
    stubFetch(() => json(200, []));
    await renderWithProviders(<CustodyLog jitId="j1" itemId="i1" />);
    expect(await screen.findByText('No custody event yet.')).toBeTruthy();
    expect(screen.queryByTestId('custody-table')).toBeNull();
  });
});

describe('Downloads', () => {
  const jit = aJit({ parties: [aParty(), aParty({ id: 'p2', country: 'ES', name: 'Spain', isLead: false })] });

  it('names each downloader with their party, and a dash for someone acting for no party', async () => {
    const item = anEvidenceItem({
      downloads: [
        { userId: 'u2', displayName: 'Lucía Fernández', partyId: 'p2', firstAt: '2026-03-02T09:00:00.000Z', count: 3 },
        { userId: 'u9', displayName: 'Platform Admin', partyId: null, firstAt: '2026-03-03T09:00:00.000Z', count: 1 },
      ],
    });
    await renderWithProviders(<Downloads jit={jit} item={item} />);
    const lucia = screen.getByTestId('download-row-Lucía Fernández');
    expect(within(lucia).getByText('Spain')).toBeTruthy();
    expect(within(lucia).getByText('3')).toBeTruthy();
    expect(within(screen.getByTestId('download-row-Platform Admin')).getByText('—')).toBeTruthy();
  });

  it('says nobody has downloaded an item yet', async () => {
    await renderWithProviders(<Downloads jit={jit} item={anEvidenceItem()} />);
    expect(screen.getByText('Nobody has downloaded this item yet.')).toBeTruthy();
  });
});
