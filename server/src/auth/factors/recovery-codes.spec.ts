import { RECOVERY_CODE_PATTERN } from '@jit/shared';
import { hashRecoveryCode, newRecoveryCodes, normaliseRecoveryCode } from './recovery-codes';

describe('recovery codes', () => {
  it('issues ten different codes in the shown format', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(RECOVERY_CODE_PATTERN);
  });

  it('uses every letter of the alphabet over many codes (no bias that drops a symbol)', () => {
    const seen = new Set(Array.from({ length: 20 }, newRecoveryCodes).flat().join('').replace(/-/g, ''));
    expect(seen.size).toBe(32);
  });

  it('forgives case, spaces and missing hyphens, and refuses what cannot be a code', () => {
    expect(normaliseRecoveryCode('ABCD-EFGH-IJKL-MNOP')).toBe('abcd-efgh-ijkl-mnop');
    expect(normaliseRecoveryCode(' abcd efgh ijkl mnop ')).toBe('abcd-efgh-ijkl-mnop');
    expect(normaliseRecoveryCode('abcdefghijklmnop')).toBe('abcd-efgh-ijkl-mnop');
    expect(normaliseRecoveryCode('abcd-efgh-ijkl')).toBeNull();
    expect(normaliseRecoveryCode('abcd-efgh-ijkl-mno1')).toBeNull();
    expect(normaliseRecoveryCode('123456')).toBeNull();
  });

  it('hashes to a SHA-256 that does not contain the code', () => {
    const [code] = newRecoveryCodes();
    expect(hashRecoveryCode(code)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode(code)).toBe(hashRecoveryCode(code));
    expect(hashRecoveryCode(code)).not.toBe(hashRecoveryCode(newRecoveryCodes()[0]));
  });
});
