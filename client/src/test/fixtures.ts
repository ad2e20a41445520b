import type { Jit, Me } from '@jit/shared';

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

/** An active JIT led by the Netherlands, in which the signed-in person is a lead-party leader. */
export const aJit = (overrides: Partial<Jit> = {}): Jit => ({
  id: 'j1',
  reference: 'JIT-2026-007',
  title: 'Operation Meridian',
  purpose: 'p',
  legalBasis: 'lb',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  effectiveEndDate: '2026-12-31',
  expired: false,
  workingLanguage: 'en',
  statesOfOperation: ['NL'],
  status: 'active',
  parties: [],
  extensions: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  activatedAt: null,
  closedAt: null,
  myMembership: { memberId: 'm1', partyId: 'p1', role: 'leader', isLeadParty: true },
  maxUploadBytes: 10 * 1024 ** 3,
  blockedTypes: [],
  ...overrides,
});
