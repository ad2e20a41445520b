import { isUuid } from './ids';

describe('isUuid', () => {
  it.each<[unknown, boolean]>([
    ['3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b', true],
    ['3F2A1B4C-5D6E-4F70-8A9B-0C1D2E3F4A5B', true],
    // The looser `[0-9a-f-]{36}` copies took these; no id has this shape.
    ['------------------------------------', false],
    ['3f2a1b4c5d6e4f708a9b0c1d2e3f4a5b0000', false],
    ['3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5', false],
    ['3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b\n', false],
    ['', false],
    [undefined, false],
    [42, false],
  ])('%p → %p', (value, expected) => {
    expect(isUuid(value)).toBe(expected);
  });
});
