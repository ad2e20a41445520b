import type { Me } from '@jit/shared';

/** A signed-in leader of the Netherlands, for component and provider tests. */
export const aMe = (overrides: Partial<Me> = {}): Me => ({
  id: 'u1',
  email: 'lead@nl.example',
  displayName: 'Anna de Vries',
  organisation: 'OM',
  country: 'NL',
  language: 'en',
  timeZone: 'Europe/Amsterdam',
  isPlatformAdmin: false,
  mustChangePassword: false,
  ...overrides,
});
