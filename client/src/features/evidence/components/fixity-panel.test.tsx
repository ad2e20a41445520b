import type { FixityResult } from '@jit/shared';
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, stubFetch } from '../../../test/fetch';
import { anEvidenceItem, aVersion } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { FixityPanel } from './fixity-panel';

const item = anEvidenceItem({ versions: [aVersion({ id: 'v1', number: 1 }), aVersion({ id: 'v2', number: 2, kind: 'translation', sha256: 'b'.repeat(64) })] });
const result = (versionId: string, actualSha256: string | null, expectedSha256: string): FixityResult => ({
  versionId,
  ok: actualSha256 === expectedSha256,
  expectedSha256,
  actualSha256,
  verifiedAt: '2026-03-04T12:00:00.000Z',
});

afterEach(() => vi.unstubAllGlobals());

describe('FixityPanel', () => {
  it('asks the server to verify and says every version is intact', async () => {
    const calls = stubFetch(() => json(200, [result('v1', 'a'.repeat(64), 'a'.repeat(64)), result('v2', 'b'.repeat(64), 'b'.repeat(64))]));
    await renderWithProviders(<FixityPanel jitId="j1" item={item} />);
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));

    const verdict = await screen.findByTestId('verify-result');
    expect(verdict.getAttribute('data-ok')).toBe('true');
    expect(within(verdict).getByText('Every version is intact')).toBeTruthy();
    expect(within(verdict).getByText('2 versions checked')).toBeTruthy();
    expect(calls.map((c) => [c.method, c.path])).toEqual([['POST', '/api/jits/j1/evidence/i1/verify']]);
  });

  it('names the version that no longer matches, and one that could not be read', async () => {
    stubFetch(() => json(200, [result('v1', 'c'.repeat(64), 'a'.repeat(64)), result('v2', null, 'b'.repeat(64))]));
    await renderWithProviders(<FixityPanel jitId="j1" item={item} />);
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));

    const verdict = await screen.findByTestId('verify-result');
    expect(verdict.getAttribute('data-ok')).toBe('false');
    expect(within(verdict).getByText('A version does not match its recorded SHA-256')).toBeTruthy();
    const first = screen.getByTestId('verify-row-1');
    expect([first.getAttribute('data-ok'), within(first).getByText('Mismatch') !== null, within(first).getByText('c'.repeat(64)) !== null]).toEqual(['false', true, true]);
    expect(within(screen.getByTestId('verify-row-2')).getByText('Could not be read')).toBeTruthy();
  });
});
