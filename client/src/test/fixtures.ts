import type { EvidenceItem, EvidenceListPage, EvidenceVersion, Jit, JitRole, Me, Member, MyMembership, Note, Notification, Party, Task } from '@jit/shared';

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
  secondFactor: { enrolled: false, pending: false, enrolmentRequired: false, enrolmentRequested: false },
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
  secondFactorRequired: false,
  ...overrides,
});

/** The signed-in person's membership: m1, in party p1, the lead party, a leader unless told otherwise. */
export const aMembership = (overrides: Partial<MyMembership> = {}): MyMembership => ({ memberId: 'm1', partyId: 'p1', role: 'leader', isLeadParty: true, ...overrides });

/** The JIT of `aJit`, in which the signed-in person holds `role` (in party p1, the lead party). */
export const aJitAs = (role: JitRole, overrides: Partial<Jit> = {}): Jit => aJit({ myMembership: aMembership({ role }), ...overrides });

/** A party of the JIT: the Netherlands (p1, lead) unless told otherwise. */
export const aParty = (overrides: Partial<Party> = {}): Party => ({ id: 'p1', kind: 'party', country: 'NL', name: 'Netherlands', authority: 'OM', isLead: true, ...overrides });

// ---- the work of the team: its members and their tasks ------------------------------------------

/** A member of the JIT as the members list shows them: Sanne Visser (m2, u2) of the Netherlands, active. */
export const aMember = (overrides: Partial<Member> = {}): Member => ({
  id: 'm2',
  jitId: 'j1',
  userId: 'u2',
  partyId: 'p1',
  role: 'member',
  displayName: 'Sanne Visser',
  email: 'member@nl.example',
  organisation: 'Politie',
  country: 'NL',
  accessExpiresAt: null,
  addedAt: '2026-01-01T00:00:00.000Z',
  addedBy: 'u1',
  revokedAt: null,
  revokedBy: null,
  active: true,
  ...overrides,
});

/** A task to do, of normal priority, that the lead party assigned to Sanne Visser (m2, u2); no checklist. */
export const aTask = (overrides: Partial<Task> = {}): Task => ({
  id: 't1',
  jitId: 'j1',
  title: 'Interview witness W',
  description: '',
  status: 'todo',
  position: 0,
  priority: 'normal',
  assigneeMemberId: 'm2',
  assigneeUserId: 'u2',
  assigneeName: 'Sanne Visser',
  assigningPartyId: 'p1',
  dueDate: null,
  overdue: false,
  labels: [],
  checklist: [],
  createdBy: 'u1',
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
  ...overrides,
});

/** An unread notification that Anna Leader mentioned the signed-in person on the note "Suspects" (n1). */
export const aNotification = (overrides: Partial<Notification> = {}): Notification => ({
  id: 'nt1',
  jitId: 'j1',
  jitReference: 'JIT-2026-NL-BE-001',
  kind: 'mentioned',
  subject: { type: 'note', id: 'n1', title: 'Suspects' },
  actorName: 'Anna Leader',
  createdAt: '2026-03-01T10:00:00.000Z',
  readAt: null,
  ...overrides,
});

/** An evidence item as the list shows it: a photograph shared by the Netherlands, available. */
export const anEvidenceRow = (overrides: Partial<EvidenceListPage['items'][number]> = {}): EvidenceListPage['items'][number] => ({
  id: 'i1',
  jitId: 'j1',
  title: 'Harbour photo',
  description: '',
  documentType: 'photograph',
  languages: [],
  originatingPartyId: 'p1',
  originatingAuthority: '',
  collectedBy: '',
  collectionMethod: '',
  obtainedAt: null,
  source: '',
  handlingCode: 'intelligence_only',
  classification: 'restricted',
  tags: [],
  folderId: null,
  status: 'available',
  createdBy: 'u1',
  createdByName: 'Anna de Vries',
  createdByPartyId: 'p1',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  sha256: 'a'.repeat(64),
  size: 2048,
  mimeType: 'image/png',
  fileName: 'harbour.png',
  duplicateOfItemId: null,
  ...overrides,
});

/** A version of an item: the original of `anEvidenceRow`, unless told otherwise. */
export const aVersion = (overrides: Partial<EvidenceVersion> = {}): EvidenceVersion => ({
  id: 'v1',
  number: 1,
  kind: 'original',
  derivedFromVersionId: null,
  fileName: 'harbour.png',
  size: 2048,
  sha256: 'a'.repeat(64),
  mimeType: 'image/png',
  status: 'available',
  uploadedBy: 'u1',
  uploadedByName: 'Anna de Vries',
  uploadedByPartyId: 'p1',
  createdAt: '2026-01-01T00:00:00.000Z',
  lastVerifiedAt: null,
  note: '',
  ...overrides,
});

/** An evidence item as its page shows it: `anEvidenceRow` with its original version and no downloads. */
export const anEvidenceItem = (overrides: Partial<EvidenceItem> = {}): EvidenceItem => ({ ...anEvidenceRow(), versions: [aVersion()], downloads: [], ...overrides });

/** A note at its first revision, last saved by Sanne Visser (u2), another member. */
export const aNote = (overrides: Partial<Note> = {}): Note => ({
  id: 'n1',
  jitId: 'j1',
  title: 'Suspects',
  body: 'original',
  tags: [],
  revision: 1,
  createdAt: '2026-03-01T10:00:00.000Z',
  createdBy: 'u2',
  updatedAt: '2026-03-01T10:00:00.000Z',
  updatedBy: 'u2',
  updatedByName: 'Sanne Visser',
  ...overrides,
});
