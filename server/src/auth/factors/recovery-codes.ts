import { createHash, randomBytes } from 'node:crypto';
import { RECOVERY_CODE_COUNT, RECOVERY_CODE_PATTERN } from '@jit/shared';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** Ten codes of 80 random bits each, as `abcd-efgh-ijkl-mnop`: too many guesses for anyone, offline included. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const letters = [...randomBytes(16)].map((byte) => BASE32[byte % 32]).join('');
    return letters.match(/.{4}/g)?.join('-') ?? letters;
  });
}

/** What a person typed, as it was issued: case, spaces and missing hyphens forgiven. `null` if it cannot be a code. */
export function normaliseRecoveryCode(typed: string): string | null {
  const letters = typed.toLowerCase().replace(/[\s-]/g, '');
  const code = letters.match(/.{1,4}/g)?.join('-') ?? '';
  return RECOVERY_CODE_PATTERN.test(code) ? code : null;
}

/**
 * Stored as SHA-256 only. With 80 random bits a fast hash is enough (there is no dictionary to try),
 * and a code is found by its hash in one indexed read.
 */
export const hashRecoveryCode = (code: string): string => createHash('sha256').update(code).digest('hex');
