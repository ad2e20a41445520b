import type { FieldChange, AuditAction, AuditSubjectType } from './audit';
import type { JitRole, JitStatus, Language, PartyKind } from './roles';
import type { SecondFactorState } from './second-factor';

/** Calendar date `YYYY-MM-DD` (agreement dates are dates, not instants). */
export type DateOnly = string;
/** UTC instant as ISO 8601 with milliseconds, `2026-11-28T10:15:30.123Z`. */
export type IsoInstant = string;

// ---- setup and sessions ----------------------------------------------------------------------

/** GET /api/setup */
export interface SetupStatus {
  needsSetup: boolean;
}
/** POST /api/setup */
export interface SetupRequest {
  setupToken: string;
  email: string;
  password: string;
  displayName: string;
}
/** POST /api/auth/login */
export interface LoginRequest {
  email: string;
  password: string;
}
/** POST /api/auth/password */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}
/** PATCH /api/auth/me */
export interface UpdateProfileRequest {
  displayName?: string;
  language?: Language;
  timeZone?: string;
}
/** GET /api/auth/me and the answer of login and setup. */
export interface Me {
  id: string;
  email: string;
  displayName: string;
  organisation: string;
  country: string;
  language: Language;
  timeZone: string;
  isPlatformAdmin: boolean;
  mustChangePassword: boolean;
  secondFactor: SecondFactorState;
}

/** GET /api/auth/sessions: where the person is signed in, as they see it (never a token). */
export interface ActiveSession {
  /** Names the session for ending it: the digest the server keeps, useless as a cookie. */
  id: string;
  /** The session of this request. */
  current: boolean;
  /** Still waiting for its second factor: a password was given there, the code not yet. */
  awaitingSecondFactor: boolean;
  /** The browser's description of itself (User-Agent), as it sent it. */
  userAgent: string | null;
  ip: string | null;
  signedInAt: IsoInstant;
  lastActiveAt: IsoInstant;
}

/** A personal API token, as its owner sees it later: never the token itself. */
export interface ApiToken {
  id: string;
  name: string;
  /** The first characters of the token, to recognise it. */
  prefix: string;
  createdAt: IsoInstant;
  lastUsedAt: IsoInstant | null;
  expiresAt: IsoInstant | null;
  revokedAt: IsoInstant | null;
}
/** POST /api/auth/tokens */
export interface CreateApiTokenRequest {
  name: string;
  expiresAt?: IsoInstant | null;
}
/** The answer of POST /api/auth/tokens: the only time the token is shown. Send it as `Authorization: Bearer <token>`. */
export interface CreatedApiToken extends ApiToken {
  token: string;
}

// ---- accounts ----------------------------------------------------------------------------------

/** POST /api/users */
export interface CreateUserRequest {
  email: string;
  displayName: string;
  organisation: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
  language: Language;
  timeZone: string;
  initialPassword: string;
}
/** PATCH /api/users/:userId */
export interface UpdateUserRequest {
  displayName?: string;
  organisation?: string;
  country?: string;
  disabled?: boolean;
}
export interface UserAccount {
  id: string;
  email: string;
  displayName: string;
  organisation: string;
  country: string;
  language: Language;
  timeZone: string;
  isPlatformAdmin: boolean;
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: IsoInstant;
  lastLoginAt: IsoInstant | null;
}
/** GET /api/jits/:jitId/user-lookup?email= : what a leader may learn of an account to add it. */
export interface UserLookupResult {
  id: string;
  email: string;
  displayName: string;
  organisation: string;
  country: string;
}

// ---- JIT agreements ------------------------------------------------------------------------------

export interface PartyInput {
  kind: PartyKind;
  /** ISO 3166-1 alpha-2; required for a party (a state), optional for a participant organisation. */
  country?: string;
  /** Display name, e.g. "Netherlands" or "Eurojust". */
  name: string;
  /** The competent authority, e.g. "Public Prosecution Service". */
  authority: string;
}
/** POST /api/jits */
export interface CreateJitRequest {
  reference: string;
  title: string;
  purpose: string;
  legalBasis: string;
  startDate: DateOnly;
  endDate: DateOnly;
  /** ISO 639-1 code of the working language. */
  workingLanguage: string;
  /** ISO 3166-1 alpha-2 codes. */
  statesOfOperation: string[];
  parties: PartyInput[];
  /** Country of the party that leads the team. */
  leadPartyCountry: string;
}
/** PATCH /api/jits/:jitId: once the JIT is active, the dates change only through an extension. */
export interface UpdateJitRequest {
  title?: string;
  purpose?: string;
  legalBasis?: string;
  workingLanguage?: string;
  statesOfOperation?: string[];
  /** Only while the JIT is a draft. */
  startDate?: DateOnly;
  /** Only while the JIT is a draft; afterwards the end date moves by extensions. */
  endDate?: DateOnly;
  /** Largest file accepted, in bytes; null for the server's default. */
  maxUploadBytes?: number | null;
  /** MIME types (as sniffed from content) refused in this JIT. */
  blockedTypes?: string[];
}
/** POST /api/jits/:jitId/extensions */
export interface CreateExtensionRequest {
  newEndDate: DateOnly;
  /** The date the parties agreed the extension. */
  agreedOn: DateOnly;
  note?: string;
}
export interface Party {
  id: string;
  kind: PartyKind;
  country: string | null;
  name: string;
  authority: string;
  isLead: boolean;
}
export interface JitExtension {
  id: string;
  previousEndDate: DateOnly;
  newEndDate: DateOnly;
  agreedOn: DateOnly;
  note: string;
  recordedBy: string;
  recordedAt: IsoInstant;
}
export interface MyMembership {
  memberId: string;
  partyId: string;
  role: JitRole;
  isLeadParty: boolean;
}
export interface Jit {
  id: string;
  reference: string;
  title: string;
  purpose: string;
  legalBasis: string;
  startDate: DateOnly;
  /** The end date signed in the agreement. */
  endDate: DateOnly;
  /** The end date after the latest extension. */
  effectiveEndDate: DateOnly;
  /** True once the effective end date has passed: changes are refused until an extension is recorded. */
  expired: boolean;
  workingLanguage: string;
  statesOfOperation: string[];
  status: JitStatus;
  parties: Party[];
  extensions: JitExtension[];
  createdAt: IsoInstant;
  activatedAt: IsoInstant | null;
  closedAt: IsoInstant | null;
  /** The caller's membership, or null for the platform administrator. */
  myMembership: MyMembership | null;
  /** Largest file accepted, in bytes (this JIT's limit or the server's default). */
  maxUploadBytes: number;
  /** MIME types refused in this JIT. */
  blockedTypes: string[];
  /** Members must have a second factor, and have used it to sign in, to enter this JIT. */
  secondFactorRequired: boolean;
}

// ---- members ----------------------------------------------------------------------------------

/** POST /api/jits/:jitId/members */
export interface AddMemberRequest {
  userId: string;
  partyId: string;
  role: JitRole;
  accessExpiresAt?: IsoInstant | null;
}
/** PATCH /api/jits/:jitId/members/:memberId */
export interface UpdateMemberRequest {
  role?: JitRole;
  accessExpiresAt?: IsoInstant | null;
}
export interface Member {
  id: string;
  jitId: string;
  userId: string;
  partyId: string;
  role: JitRole;
  displayName: string;
  email: string;
  organisation: string;
  country: string;
  accessExpiresAt: IsoInstant | null;
  addedAt: IsoInstant;
  addedBy: string;
  revokedAt: IsoInstant | null;
  revokedBy: string | null;
  /** Active means not revoked and not past its access expiry. */
  active: boolean;
}

// ---- the record -------------------------------------------------------------------------------

export interface AuditEvent {
  chain: string;
  seq: number;
  occurredAt: IsoInstant;
  actorUserId: string | null;
  actorDisplayName: string | null;
  actorPartyId: string | null;
  actorTimeZone: string | null;
  action: AuditAction;
  subjectType: AuditSubjectType;
  subjectId: string;
  changes: FieldChange[];
  ip: string | null;
  userAgent: string | null;
  prevHash: string;
  hash: string;
}
/** GET /api/jits/:jitId/audit?afterSeq=&limit=&actorUserId=&action=&from=&to= */
export interface AuditPage {
  items: AuditEvent[];
  /** The chain's newest seq, so a client can step past events it may not see. */
  headSeq: number;
}
/** GET /api/jits/:jitId/audit/verify */
export interface ChainVerification {
  ok: boolean;
  count: number;
  headSeq: number;
  headHash: string;
  /** The first event that does not verify (edited, missing, reordered), or null. */
  firstBrokenSeq: number | null;
}

/** GET /api/health */
export interface Health {
  status: 'ok' | 'degraded';
  database: 'up' | 'down';
  version: string;
}
