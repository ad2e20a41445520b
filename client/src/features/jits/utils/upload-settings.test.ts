import { describe, expect, it } from 'vitest';
import { bytesToSize, isMimeType, normalizeMimeTypes, sizeToBytes } from './upload-settings';

describe('sizeToBytes', () => {
  it('converts MiB and GiB to whole bytes', () => {
    expect(sizeToBytes({ amount: 1, unit: 'MiB' })).toBe(1_048_576);
    expect(sizeToBytes({ amount: 500, unit: 'MiB' })).toBe(524_288_000);
    expect(sizeToBytes({ amount: 2, unit: 'GiB' })).toBe(2_147_483_648);
    expect(sizeToBytes({ amount: 1.5, unit: 'GiB' })).toBe(1_610_612_736);
    expect(sizeToBytes({ amount: 0.1, unit: 'MiB' })).toBe(104_858);
  });
  it('reads an amount still being typed', () => {
    expect(sizeToBytes({ amount: '1.', unit: 'GiB' })).toBe(1_073_741_824);
    expect(sizeToBytes({ amount: ' 1.5 ', unit: 'MiB' })).toBe(1_572_864);
  });
  it('answers null for an empty input (the server default)', () => {
    expect(sizeToBytes({ amount: '', unit: 'GiB' })).toBeNull();
    expect(sizeToBytes({ amount: '  ', unit: 'MiB' })).toBeNull();
  });
  it('answers NaN for zero, negative or not finite amounts', () => {
    expect(sizeToBytes({ amount: 0, unit: 'MiB' })).toBeNaN();
    expect(sizeToBytes({ amount: -3, unit: 'GiB' })).toBeNaN();
    expect(sizeToBytes({ amount: Number.POSITIVE_INFINITY, unit: 'MiB' })).toBeNaN();
    expect(sizeToBytes({ amount: '-', unit: 'MiB' })).toBeNaN();
    expect(sizeToBytes({ amount: 'abc', unit: 'MiB' })).toBeNaN();
  });
  it('never rounds a tiny positive amount down to zero bytes', () => {
    expect(sizeToBytes({ amount: 0.0000001, unit: 'MiB' })).toBe(1);
  });
});

describe('bytesToSize', () => {
  it('shows whole GiB in GiB and anything else in MiB', () => {
    expect(bytesToSize(2_147_483_648)).toEqual({ amount: 2, unit: 'GiB' });
    expect(bytesToSize(524_288_000)).toEqual({ amount: 500, unit: 'MiB' });
    expect(bytesToSize(1_610_612_736)).toEqual({ amount: 1536, unit: 'MiB' });
    expect(bytesToSize(1_000_000)).toEqual({ amount: 0.954, unit: 'MiB' });
  });
  it('shows nothing for null, zero or nonsense', () => {
    expect(bytesToSize(null)).toEqual({ amount: '', unit: 'MiB' });
    expect(bytesToSize(undefined)).toEqual({ amount: '', unit: 'MiB' });
    expect(bytesToSize(0)).toEqual({ amount: '', unit: 'MiB' });
    expect(bytesToSize(Number.NaN)).toEqual({ amount: '', unit: 'MiB' });
  });
  it('round-trips whole MiB and GiB exactly', () => {
    for (const bytes of [1_048_576, 524_288_000, 1_073_741_824, 10 * 1_073_741_824, 1536 * 1_048_576]) {
      expect(sizeToBytes(bytesToSize(bytes))).toBe(bytes);
    }
  });
});

describe('MIME types', () => {
  it('recognises the form the server accepts', () => {
    expect(isMimeType('application/x-msdownload')).toBe(true);
    expect(isMimeType('application/vnd.ms-excel.sheet.macroenabled.12')).toBe(true);
    expect(isMimeType('Application/PDF')).toBe(false);
    expect(isMimeType('exe')).toBe(false);
    expect(isMimeType('text/ plain')).toBe(false);
  });
  it('trims, lower-cases and drops blanks and repeats', () => {
    expect(normalizeMimeTypes([' Application/X-MSDownload ', 'application/x-msdownload', '', 'text/html'])).toEqual(['application/x-msdownload', 'text/html']);
  });
});
