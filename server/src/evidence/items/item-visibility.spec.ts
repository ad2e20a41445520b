import type { EvidenceStatus } from '@jit/shared';
import { itemVisible, versionVisible } from './item-visibility';

const reader = { user: { id: 'u-reader' } } as Parameters<typeof itemVisible>[0];

describe('evidence visibility', () => {
  it.each<[EvidenceStatus, string, boolean, boolean]>([
    ['available', 'u-other', false, true],
    ['integrity_failed', 'u-other', false, true],
    ['pending', 'u-other', false, false],
    ['pending', 'u-other', true, false],
    ['pending', 'u-reader', false, false],
    ['pending', 'u-reader', true, true],
  ])('an item %s, created by %s (ownPending %p): visible %p', (status, createdBy, ownPending, visible) => {
    expect(itemVisible(reader, { status, createdBy }, ownPending)).toBe(visible);
  });

  it.each<[EvidenceStatus, string, boolean]>([
    ['available', 'u-other', true],
    ['integrity_failed', 'u-other', true],
    ['pending', 'u-other', false],
    ['pending', 'u-reader', true],
  ])('a version %s, uploaded by %s: visible %p', (status, uploadedBy, visible) => {
    expect(versionVisible(reader, { status, uploadedBy })).toBe(visible);
  });
});
