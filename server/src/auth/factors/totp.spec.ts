import { Secret } from 'otpauth';
import { matchTotp, newTotpSecret, totpCode, totpUri } from './totp';

// RFC 6238 appendix B: the SHA-1 secret "12345678901234567890"; its 8-digit codes end in these 6 digits.
const RFC_SECRET = Secret.fromLatin1('12345678901234567890').base32;
const at = (seconds: number) => new Date(seconds * 1000);

describe('TOTP', () => {
  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1234567890, '005924'],
    [2000000000, '279037'],
  ])('gives the RFC 6238 code at %i s', (seconds, code) => {
    expect(totpCode(RFC_SECRET, at(seconds))).toBe(code);
    expect(matchTotp(RFC_SECRET, code, at(seconds), null)).toBe(Math.floor(seconds / 30));
  });

  it('accepts the code of the step before and after, and no further', () => {
    const now = at(1111111109);
    const step = Math.floor(1111111109 / 30);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, at(1111111109 - 30)), now, null)).toBe(step - 1);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, at(1111111109 + 30)), now, null)).toBe(step + 1);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, at(1111111109 - 60)), now, null)).toBeNull();
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, at(1111111109 + 60)), now, null)).toBeNull();
  });

  it('refuses a code whose step was already used, or an older one', () => {
    const now = at(2000000000);
    const step = Math.floor(2000000000 / 30);
    expect(matchTotp(RFC_SECRET, '279037', now, step)).toBeNull();
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, at(2000000000 - 30)), now, step)).toBeNull();
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, at(2000000000 + 30)), now, step)).toBe(step + 1);
  });

  it('refuses what is not six digits, and another secret’s code', () => {
    const now = at(59);
    expect(matchTotp(RFC_SECRET, '28708', now, null)).toBeNull();
    expect(matchTotp(RFC_SECRET, '2870822', now, null)).toBeNull();
    expect(matchTotp(RFC_SECRET, ' 287082', now, null)).toBeNull();
    expect(matchTotp(newTotpSecret(), '287082', now, null)).toBeNull();
  });

  it('makes 160-bit secrets and an address authenticator apps read', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = new URL(totpUri(secret, 'anna@police.test'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/JIT Workspace:anna@police.test');
    expect(Object.fromEntries(uri.searchParams)).toEqual({ issuer: 'JIT Workspace', secret, algorithm: 'SHA1', digits: '6', period: '30' });
  });
});
