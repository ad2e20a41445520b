import type { Me, SecondFactorState, UserAccount, UserLookupResult } from '@jit/shared';
import type { UserEntity } from '../users/entities';

/** An account's own fields, as its owner and the administrator see them. */
const accountFields = (user: UserEntity): Omit<Me, 'secondFactor'> => ({
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

/** A new account's standing: nothing enrolled, nothing pending (a new platform requires nothing yet). */
export const NO_SECOND_FACTOR: SecondFactorState = { enrolled: false, pending: false, enrolmentRequired: false, enrolmentRequested: false };

/** The signed-in person, with where their sign-in stands. */
export const toMe = (user: UserEntity, secondFactor: SecondFactorState): Me => ({ ...accountFields(user), secondFactor });

export const toUserAccount = (user: UserEntity): UserAccount => ({
  ...accountFields(user),
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
