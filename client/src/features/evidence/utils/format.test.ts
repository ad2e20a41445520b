import { describe, expect, it } from 'vitest';
import { buildEvidenceListQuery, formatBytes, formatDuration, formatSpeed, parseTags, previewKindOf, SpeedMeter, timeLeft, uploadIdFromUrl } from './format';

describe('formatBytes', () => {
  it('steps in binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1,023 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(8 * 1024 * 1024)).toBe('8.0 MB');
    expect(formatBytes(250 * 1024 ** 3)).toBe('250 GB');
  });
  it('follows the interface language', () => {
    expect(formatBytes(1536, 'fr')).toBe('1,5 KB');
    // Sizes are compared across the team: Arabic keeps Latin digits.
    expect(formatBytes(1536, 'ar')).toBe('\u20661.5 KB\u2069');
  });
  it('refuses nonsense', () => {
    expect(formatBytes(-1)).toBe('—');
    expect(formatBytes(Number.NaN)).toBe('—');
  });
});

describe('speed and time left', () => {
  it('formats a rate', () => {
    expect(formatSpeed(2.5 * 1024 * 1024)).toBe('2.5 MB/s');
    expect(formatSpeed(0)).toBe('—');
  });
  it('formats durations', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(65)).toBe('1:05');
    expect(formatDuration(3600 + 5 * 60 + 9)).toBe('1:05:09');
    expect(formatDuration(Infinity)).toBe('—');
  });
  it('computes time left', () => {
    expect(timeLeft(1000, 100)).toBe(10);
    expect(timeLeft(0, 0)).toBe(0);
    expect(timeLeft(1000, 0)).toBe(Infinity);
  });
  it('measures a rate over a sliding window', () => {
    const meter = new SpeedMeter(5000);
    expect(meter.rate()).toBe(0);
    meter.add(0, 0);
    meter.add(1000, 1000);
    expect(meter.rate()).toBe(1000);
    meter.add(3000, 2000);
    expect(meter.rate()).toBe(1500);
    meter.add(3000, 10_000);
    // The old samples fall out of the window; only the pause remains.
    expect(meter.rate()).toBeLessThan(400);
    meter.add(0, 11_000); // restarted from zero
    expect(meter.rate()).toBe(0);
  });
});

describe('buildEvidenceListQuery', () => {
  it('leaves out empty values and keeps a stable order', () => {
    expect(buildEvidenceListQuery({ q: '  invoice ', partyId: 'p1', handlingCode: 'intelligence_only', sort: 'title', order: 'asc', limit: 50, folderId: '' })).toBe(
      'partyId=p1&handlingCode=intelligence_only&q=invoice&sort=title&order=asc&limit=50',
    );
  });
  it('encodes the cursor and dates', () => {
    expect(buildEvidenceListQuery({ obtainedFrom: '2026-01-01', obtainedTo: '2026-02-01', cursor: 'a+b/c=' })).toBe(
      'obtainedFrom=2026-01-01&obtainedTo=2026-02-01&cursor=a%2Bb%2Fc%3D',
    );
  });
  it('puts the status first, as the integrity alert asks for it', () => {
    expect(buildEvidenceListQuery({ status: 'integrity_failed', limit: 50 })).toBe('status=integrity_failed&limit=50');
  });
  it('is empty without filters', () => {
    expect(buildEvidenceListQuery({})).toBe('');
  });
});

describe('helpers', () => {
  it('parses tags', () => {
    expect(parseTags(' a, b ,, a,c ')).toEqual(['a', 'b', 'c']);
  });
  it('finds the upload id in a tus URL', () => {
    const id = '3f2b6c1e-1a2b-4c3d-8e9f-0a1b2c3d4e5f';
    expect(uploadIdFromUrl(`http://localhost:5173/api/jits/j1/uploads/${id}`)).toBe(id);
    expect(uploadIdFromUrl(`/api/jits/j1/uploads/${id}/`)).toBe(id);
    expect(uploadIdFromUrl('/api/jits/j1/uploads')).toBeNull();
    expect(uploadIdFromUrl(null)).toBeNull();
  });
  it('knows which types preview inline', () => {
    expect(previewKindOf('image/png')).toBe('image');
    expect(previewKindOf('image/svg+xml')).toBeNull();
    expect(previewKindOf('application/pdf')).toBe('pdf');
    expect(previewKindOf('text/plain')).toBe('text');
    expect(previewKindOf('text/html')).toBeNull();
    expect(previewKindOf('audio/mpeg')).toBe('audio');
    expect(previewKindOf('video/mp4')).toBe('video');
    expect(previewKindOf('application/zip')).toBeNull();
  });
});
