import type { Me, UserAccount, UserLookupResult } from '@jit/shared';
import type { UserEntity } from '../users/entities';

export const toMe = (user: UserEntity): Me => ({
  id: user.id,
  email: user.email,
  displayName: user.displayName,
  organisation: user.organisation,
  country: user.country,
  language: user.language,
  timeZone: user.timeZone,
  isPlatformAdmin: user.isPlatformAdmin,
  mustChangePassword: user.mustChangePassword,
});

export const toUserAccount = (user: UserEntity): UserAccount => ({
  ...toMe(user),
  disabled: user.disabled,
  createdAt: user.createdAt.toISOString(),
  lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
});

export const toLookup = (user: UserEntity): UserLookupResult => ({
  id: user.id,
  email: user.email,
  displayName: user.displayName,
  organisation: user.organisation,
  country: user.country,
});
