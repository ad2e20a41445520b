import type { AuditAction, AuditSubjectType } from './audit';
import type { CreateJitRequest, CreateUserRequest, DateOnly, IsoInstant, UpdateJitRequest, UpdateProfileRequest, UpdateUserRequest } from './api';
import type { EvidenceMetadataInput, VersionKind } from './evidence';
import type { JitRole } from './roles';
import type { PlatformSettings, SecondFactorKind } from './second-factor';
import type { CreateTaskRequest, TaskStatus } from './tasks';

/**
 * The catalogue of record events: for every action, the subjects its events name, the chain it
 * goes on, who in the JIT may see it by default, and the fields its changes carry. Who may see one
 * particular event is decided when it is read or sent: the action's audience here, narrowed by the
 * current state of its subject. So a later release of a restricted item needs no rewrite of the
 * hashed record.
 */

/** Who inside a JIT may see an event of an action: every member, the acting party's members, or leaders and legal advisers. */
export type RecordAudience = 'team' | 'party' | 'oversight';

export interface RecordActionSpec {
  /** The subject types its events name (the first when the caller names none). */
  subjects: readonly [AuditSubjectType, ...AuditSubjectType[]];
  /** `both`: the event is written on the platform chain and, for the new JIT, on its own. */
  chain: 'platform' | 'jit' | 'both';
  audience: RecordAudience;
}

// Generic in the subject types, so an entry may name only the subjects its action's events name.
const platform = <S extends AuditSubjectType>(subject: S) => ({ subjects: [subject] as const, chain: 'platform' as const, audience: 'team' as const });
const team = <S extends AuditSubjectType>(...subjects: readonly [S, ...S[]]) => ({ subjects, chain: 'jit' as const, audience: 'team' as const });
/** Custody reads: shown in the item's custody log to whoever may read the item, and in the record to oversight. */
const custodyRead = { subjects: ['evidence'] as const, chain: 'jit' as const, audience: 'oversight' as const };

export const RECORD_ACTIONS = {
  'platform.setup_completed': platform('user'),
  'user.created': platform('user'),
  'user.updated': platform('user'),
  'user.disabled': platform('user'),
  'user.enabled': platform('user'),
  'auth.login': platform('user'),
  'auth.login_failed': platform('user'),
  'auth.logout': platform('user'),
  'auth.password_changed': platform('user'),
  'auth.token_created': platform('api_token'),
  'auth.token_revoked': platform('api_token'),
  'auth.password_accepted': platform('user'),
  'auth.session_ended': platform('session'),
  'auth.second_factor_added': platform('second_factor'),
  'auth.second_factor_removed': platform('second_factor'),
  'auth.recovery_codes_issued': platform('user'),
  'auth.step_up': platform('user'),
  'platform.settings_changed': platform('platform'),
  'jit.created': { subjects: ['jit'] as const, chain: 'both' as const, audience: 'team' as const },
  'jit.updated': team('jit'),
  'jit.activated': team('jit'),
  'jit.extended': team('extension'),
  'jit.closed': team('jit'),
  'member.added': team('member'),
  'member.updated': team('member'),
  'member.revoked': team('member'),
  'folder.created': team('folder'),
  'upload.refused': team('upload'),
  'evidence.uploaded': team('evidence'),
  'evidence.metadata_changed': team('evidence'),
  'evidence.version_added': team('evidence'),
  'evidence.viewed': custodyRead,
  'evidence.downloaded': custodyRead,
  'evidence.verified': custodyRead,
  'evidence.integrity_failed': team('evidence'),
  'note.created': team('note'),
  'note.updated': team('note'),
  'note.restored': team('note'),
  'task.created': team('task'),
  'task.updated': team('task'),
  'task.moved': team('task'),
  // Recorded against what was commented on, so an item's custody log lists its comments.
  'comment.added': team('evidence', 'note', 'task'),
  'link.added': team('link'),
  'link.removed': team('link'),
} as const satisfies Record<AuditAction, RecordActionSpec>;

export const audienceOf = (action: AuditAction): RecordAudience => RECORD_ACTIONS[action].audience;

/** The actions of one audience, e.g. those every member of a JIT sees in its record. */
export const actionsFor = (audience: RecordAudience): AuditAction[] =>
  (Object.keys(RECORD_ACTIONS) as AuditAction[]).filter((action) => RECORD_ACTIONS[action].audience === audience);

/** A subject type an event of `A` may name. */
export type RecordSubjectOf<A extends AuditAction> = (typeof RECORD_ACTIONS)[A]['subjects'][number];

/** The change of one field, typed by the field's name: old → new, null where there was or is none. */
export type FieldChangeOf<F> = { [K in keyof F & string]: { field: K; from: F[K] | null; to: F[K] | null } }[keyof F & string];

/** The fields a version brings to the record when it becomes available. */
interface VersionFacts {
  versionId: string;
  number: number;
  kind: VersionKind;
  fileName: string;
  size: number | null;
  sha256: string | null;
  mimeType: string | null;
}
/** A fixity check: each version's recorded SHA-256 → the one recomputed now. */
type FixityChanges = Record<`version:${string}`, string>;
/** What a note's content brings to the record: its body only as a digest. */
interface NoteFields {
  title: string;
  bodySha256: string;
  tags: string[];
  revision: number;
}
type UserFields = Omit<CreateUserRequest, 'initialPassword'> & Required<UpdateUserRequest> & Required<UpdateProfileRequest>;
type TaskFields = Required<Omit<CreateTaskRequest, 'dueDate' | 'assigneeMemberId'>> & { assigneeMemberId: string; dueDate: DateOnly };
interface MemberFields {
  userId: string;
  partyId: string;
  role: JitRole;
  accessExpiresAt: IsoInstant;
  revokedAt: IsoInstant;
}
/** A link's two ends, as `type:id`. */
interface LinkEnds {
  a: string;
  b: string;
}

/** The fields the changes of each action may name, with the type of their values. */
export interface RecordChangeFields {
  'platform.setup_completed': { email: string };
  'user.created': Omit<CreateUserRequest, 'initialPassword'>;
  'user.updated': UserFields;
  'user.disabled': UserFields;
  'user.enabled': UserFields;
  /** `method`: how the sign-in was completed (`password`, `totp`, `recovery_code`). */
  'auth.login': { method: string };
  'auth.login_failed': { email: string; reason: string };
  'auth.logout': Record<never, never>;
  'auth.password_changed': Record<never, never>;
  'auth.token_created': { name: string; expiresAt: IsoInstant };
  'auth.token_revoked': Record<never, never>;
  /** The password was right; the sign-in waits for the second factor. */
  'auth.password_accepted': Record<never, never>;
  /** The owner ended one of their sessions from another (the account page). */
  'auth.session_ended': Record<never, never>;
  'auth.second_factor_added': { kind: SecondFactorKind; label: string };
  'auth.second_factor_removed': { kind: SecondFactorKind; label: string };
  'auth.recovery_codes_issued': { count: number };
  /** `method`: what confirmed it (`totp`, `recovery_code`, `password`). */
  'auth.step_up': { method: string };
  'platform.settings_changed': PlatformSettings;
  'jit.created': Omit<CreateJitRequest, 'parties'> & { parties: CreateJitRequest['parties'] };
  'jit.updated': Required<UpdateJitRequest> & { secondFactorRequired: boolean };
  'jit.activated': { status: 'draft' | 'active' };
  'jit.extended': { effectiveEndDate: DateOnly; agreedOn: DateOnly; note: string };
  'jit.closed': { status: 'draft' | 'active' | 'closed' };
  'member.added': MemberFields;
  'member.updated': MemberFields;
  'member.revoked': MemberFields;
  'folder.created': { name: string; parentId: string };
  'upload.refused': { reason: string; fileName: string; sha256: string; mimeType: string };
  'evidence.uploaded': Pick<EvidenceMetadataInput, 'title' | 'documentType' | 'originatingPartyId' | 'handlingCode'> &
    Required<Pick<EvidenceMetadataInput, 'classification' | 'collectedBy' | 'collectionMethod' | 'source'>> & { obtainedAt: IsoInstant } & VersionFacts & {
      duplicateOfItemId: string;
    };
  'evidence.metadata_changed': Required<Omit<EvidenceMetadataInput, 'obtainedAt' | 'folderId'>> & { obtainedAt: IsoInstant; folderId: string };
  'evidence.version_added': VersionFacts & { derivedFromVersionId: string };
  'evidence.viewed': { versionId: string; sha256: string };
  'evidence.downloaded': { versionId: string; sha256: string };
  'evidence.verified': FixityChanges;
  'evidence.integrity_failed': FixityChanges;
  'note.created': NoteFields;
  'note.updated': NoteFields;
  'note.restored': NoteFields & { restoredFrom: number };
  'task.created': Pick<TaskFields, 'title' | 'priority' | 'assigneeMemberId' | 'dueDate'>;
  'task.updated': TaskFields;
  'task.moved': { status: TaskStatus; position: number };
  'comment.added': { commentId: string; bodySha256: string; mentions: string[] };
  'link.added': LinkEnds;
  'link.removed': LinkEnds;
}

/** The changes an event of `A` carries. */
export type RecordChanges<A extends AuditAction> = Array<FieldChangeOf<RecordChangeFields[A]>>;

/** One event as a service hands it to the record: the action decides its subject type, chain and audience. */
export type RecordEventInput<A extends AuditAction = AuditAction> = {
  [K in A]: {
    action: K;
    /** Only where the action names several subject types (a comment: what was commented on). */
    subjectType?: RecordSubjectOf<K>;
    subjectId: string;
    changes?: RecordChanges<K>;
  };
}[A];

/** A recorded event with its changes typed by its action, for code that follows events (notifications). */
export type TypedRecordChanges = { [K in AuditAction]: { action: K; changes: RecordChanges<K> } }[AuditAction];

/** The values a field was changed to, in the events that changed it (the field's type, never `unknown`). */
export function changedTo<C extends { field: string; to: unknown }, K extends C['field']>(changes: ReadonlyArray<C>, field: K): Array<NonNullable<Extract<C, { field: K }>['to']>> {
  const values: Array<NonNullable<Extract<C, { field: K }>['to']>> = [];
  for (const change of changes) {
    // The check on `field` is what narrows `change` to the named field's change.
    if (change.field === field && change.to !== null && change.to !== undefined) values.push(change.to);
  }
  return values;
}
