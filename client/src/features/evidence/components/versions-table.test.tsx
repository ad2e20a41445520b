import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../../lib/query-client';
import { evidenceKeys } from '../../../lib/query-keys';
import { anEvidenceItem, aVersion } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { contentUrl } from '../api/evidence';
import { VersionsTable } from './versions-table';

const item = anEvidenceItem({
  versions: [
    aVersion({ id: 'v1', number: 1, lastVerifiedAt: '2026-03-04T12:00:00.000Z' }),
    aVersion({ id: 'v2', number: 2, kind: 'translation', derivedFromVersionId: 'v1', fileName: 'harbour-en.zip', mimeType: 'application/zip', note: 'Captions in English' }),
    aVersion({ id: 'v3', number: 3, kind: 'redacted', derivedFromVersionId: 'v1', status: 'pending', sha256: '' }),
  ],
});

afterEach(() => vi.useRealTimers());

describe('VersionsTable', () => {
  it('shows each version with what it was derived from, its hash, and the actions its content allows', async () => {
    await renderWithProviders(<VersionsTable jitId="j1" item={item} onPreview={() => undefined} />);

    const original = screen.getByTestId('version-row-1');
    expect(original.getAttribute('data-status')).toBe('available');
    expect(within(original).getByText('—')).toBeTruthy();
    expect(screen.getByTestId('version-sha256-1').textContent).toBe('a'.repeat(64));
    expect(within(original).getByText('Verified')).toBeTruthy();
    expect(within(original).getByRole('button', { name: 'Preview' })).toBeTruthy();
    const download = within(original).getByRole('link', { name: 'Download' });
    expect([download.getAttribute('href'), download.getAttribute('download')]).toEqual([contentUrl('j1', 'i1', 'v1', 'attachment'), 'harbour.png']);

    // A ZIP cannot be previewed in the browser: only downloaded.
    const translation = screen.getByTestId('version-row-2');
    expect(within(translation).getByText('#1')).toBeTruthy();
    expect(within(translation).getByText('Translation')).toBeTruthy();
    expect(within(translation).getByText('Captions in English')).toBeTruthy();
    expect(within(translation).queryByRole('button', { name: 'Preview' })).toBeNull();
    expect(within(translation).getByRole('link', { name: 'Download' })).toBeTruthy();

    // A version still being received has no hash and nothing to open yet.
    const pending = screen.getByTestId('version-row-3');
    expect(pending.getAttribute('data-status')).toBe('pending');
    expect(screen.queryByTestId('version-sha256-3')).toBeNull();
    expect(within(pending).queryByRole('link', { name: 'Download' })).toBeNull();
    expect(within(pending).queryByRole('button', { name: 'Preview' })).toBeNull();
  });

  it('opens the preview and, since a viewing is a custody event, reads the item and its log again shortly after', async () => {
    const queryClient = createQueryClient();
    const invalidated = vi.spyOn(queryClient, 'invalidateQueries');
    const onPreview = vi.fn();
    await renderWithProviders(<VersionsTable jitId="j1" item={item} onPreview={onPreview} />, 'en', queryClient);

    vi.useFakeTimers();
    fireEvent.click(within(screen.getByTestId('version-row-1')).getByRole('button', { name: 'Preview' }));
    expect(onPreview).toHaveBeenCalledWith('v1');
    expect(invalidated).not.toHaveBeenCalled();

    vi.advanceTimersByTime(1500);
    expect(invalidated.mock.calls.map(([filters]) => filters?.queryKey)).toEqual([evidenceKeys.item('j1', 'i1'), evidenceKeys.custody('j1', 'i1')]);
  });
});
