/** Every action the record knows. Platform actions go on the platform chain, the rest on their JIT's chain. */
export const AUDIT_ACTIONS = [
  'platform.setup_completed',
  'user.created',
  'user.updated',
  'user.disabled',
  'user.enabled',
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.password_changed',
  'auth.token_created',
  'auth.token_revoked',
  'auth.password_accepted',
  'auth.session_ended',
  'auth.second_factor_added',
  'auth.second_factor_removed',
  'auth.recovery_codes_issued',
  'auth.step_up',
  'platform.settings_changed',
  'jit.created',
  'jit.updated',
  'jit.activated',
  'jit.extended',
  'jit.closed',
  'member.added',
  'member.updated',
  'member.revoked',
  'folder.created',
  'upload.refused',
  'evidence.uploaded',
  'evidence.metadata_changed',
  'evidence.version_added',
  'evidence.viewed',
  'evidence.downloaded',
  'evidence.verified',
  'evidence.integrity_failed',
  'note.created',
  'note.updated',
  'note.restored',
  'task.created',
  'task.updated',
  'task.moved',
  'comment.added',
  'link.added',
  'link.removed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_SUBJECT_TYPES = [
  'platform',
  'user',
  'session',
  'api_token',
  'second_factor',
  'jit',
  'extension',
  'member',
  'folder',
  'upload',
  'evidence',
  'note',
  'task',
  'link',
] as const;
export type AuditSubjectType = (typeof AUDIT_SUBJECT_TYPES)[number];

/** The chain of platform events; each JIT's chain is named `jit:<id>`. */
export const PLATFORM_CHAIN = 'platform';
export const jitChain = (jitId: string): string => `jit:${jitId}`;

/** The first event of every chain links to this. */
export const GENESIS_HASH = '0'.repeat(64);

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** The details of an event: hashed as their own digest, so they can later be restricted. */
export interface AuditDetails {
  changes: FieldChange[];
  ip: string | null;
  userAgent: string | null;
  timeZone: string | null;
}
