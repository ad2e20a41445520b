import { contentDisposition, parseRange, reprDigest } from './http-range';

describe('HTTP ranges and headers', () => {
  it.each([
    [undefined, null],
    ['bytes=0-9', { start: 0, end: 9 }],
    ['bytes=90-', { start: 90, end: 99 }],
    ['bytes=-10', { start: 90, end: 99 }],
    ['bytes=50-500', { start: 50, end: 99 }],
    ['bytes=100-', 'unsatisfiable'],
    ['bytes=9-3', 'unsatisfiable'],
    ['bytes=0-1,5-6', null],
    ['items=0-1', null],
  ])('%s on 100 bytes → %p', (header, expected) => {
    expect(parseRange(header, 100)).toEqual(expected);
  });

  it('names files safely in Content-Disposition, keeping the exact name in filename*', () => {
    expect(contentDisposition('attachment', 'déclaration "A".pdf')).toBe(`attachment; filename="d_claration _A_.pdf"; filename*=UTF-8''d%C3%A9claration%20%22A%22.pdf`);
  });

  it('writes Repr-Digest as RFC 9530 asks', () => {
    expect(reprDigest('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')).toBe('sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:');
  });
});
