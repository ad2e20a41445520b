import { describe, expect, it } from 'vitest';
import { folderOptions, guessDocumentType, initialValues, metadataChanges, missingFields, toMetadataInput, valuesOfItem } from './metadata-fields';
import { anEvidenceItem } from '../../../test/fixtures';

const file = new File(['hello'], 'scan.pdf', { type: 'application/pdf' });

describe('evidence metadata form values', () => {
  it('starts from the file: title is its name, my party originates it, the handling code must be chosen', () => {
    const values = initialValues(file, 'p1', null);
    expect(values.title).toBe('scan.pdf');
    expect(values.originatingPartyId).toBe('p1');
    expect(values.documentType).toBe('document');
    expect(missingFields(values)).toEqual(['handlingCode']);
  });

  it('guesses a document type from the MIME type', () => {
    expect(guessDocumentType('image/jpeg')).toBe('photograph');
    expect(guessDocumentType('video/mp4')).toBe('video');
    expect(guessDocumentType('audio/ogg')).toBe('audio');
    expect(guessDocumentType('')).toBe('document');
  });

  it('builds the request: only filled fields, trimmed, the instant in UTC, tags as a list', () => {
    const values = {
      ...initialValues(file, 'p1', 'f1'),
      title: '  Scan  ',
      handlingCode: 'intelligence_only' as const,
      collectedBy: ' ',
      obtainedAt: '2026-03-01T09:30:00.000Z',
      tags: 'a, b, a',
      languages: ['nl'],
    };
    expect(toMetadataInput(values)).toEqual({
      title: 'Scan',
      documentType: 'document',
      originatingPartyId: 'p1',
      handlingCode: 'intelligence_only',
      languages: ['nl'],
      obtainedAt: '2026-03-01T09:30:00.000Z',
      tags: ['a', 'b'],
      folderId: 'f1',
    });
  });

  it('sends only what changed when editing', () => {
    const item = anEvidenceItem({
      title: 'Scan',
      documentType: 'document',
      obtainedAt: '2026-03-01T09:30:00.000Z',
      handlingCode: 'intelligence_only',
      classification: 'restricted',
      tags: ['x'],
    });
    const before = valuesOfItem(item);
    expect(metadataChanges(before, before)).toEqual({});
    expect(metadataChanges(before, { ...before, title: 'Scan 2', obtainedAt: '', tags: 'x, y', handlingCode: 'evidential_use_in_jit' })).toEqual({
      title: 'Scan 2',
      obtainedAt: null,
      tags: ['x', 'y'],
      handlingCode: 'evidential_use_in_jit',
    });
  });

  it('shows folders with their parents', () => {
    const at = '2026-01-01T00:00:00.000Z';
    expect(
      folderOptions([
        { id: 'b', parentId: 'a', name: 'March', createdAt: at },
        { id: 'a', parentId: null, name: 'Intercepts', createdAt: at },
      ]),
    ).toEqual([
      { value: 'a', label: 'Intercepts' },
      { value: 'b', label: 'Intercepts / March' },
    ]);
  });
});
