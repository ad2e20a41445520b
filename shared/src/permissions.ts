import type { JitRole } from './roles';

/** Actions at platform scope: only the platform administrator holds them. */
export const PLATFORM_PERMISSIONS = ['users.create', 'users.read', 'users.update', 'jits.create', 'platform_record.read', 'platform_settings.update'] as const;
export type PlatformPermission = (typeof PLATFORM_PERMISSIONS)[number];

/** Actions inside one JIT. */
export const JIT_PERMISSIONS = [
  'jit.read',
  'jit.update',
  'jit.activate',
  'jit.extend',
  'jit.close',
  'members.read',
  'members.manage',
  'record.read',
  'record.read_all',
  'record.verify',
  'users.lookup',
  'evidence.read',
  'evidence.upload',
  'evidence.edit',
  'evidence.verify',
  'folders.manage',
  'notes.read',
  'notes.write',
  'tasks.read',
  'tasks.manage',
  'tasks.move',
  'comments.read',
  'comments.write',
  'links.read',
  'links.write',
] as const;
export type JitPermission = (typeof JIT_PERMISSIONS)[number];

export type Permission = PlatformPermission | JitPermission;

/**
 * Who may be granted a JIT permission. `lead_leader` is a leader of the lead party (the state of
 * operation leads the team); such a leader also counts as `leader`. `platform_admin` is the
 * administrator of the installation, who is not a member and sees agreement data, never content.
 */
export type JitGrantee = JitRole | 'lead_leader' | 'platform_admin';

const EVERY_MEMBER: readonly JitGrantee[] = ['leader', 'member', 'legal_adviser', 'observer'];
const OVERSIGHT: readonly JitGrantee[] = ['leader', 'legal_adviser'];
const CONTRIBUTORS: readonly JitGrantee[] = ['leader', 'member', 'legal_adviser'];

/**
 * The permission table: the one answer to "which role may do which action" in a JIT.
 * The server's access module decides from it; the client uses it only to hide what would be refused.
 * Narrower rules (a leader manages only their own party's members unless they lead the team) are
 * applied by the access module on top of this table.
 */
export const JIT_PERMISSION_TABLE: Readonly<Record<JitPermission, readonly JitGrantee[]>> = {
  'jit.read': [...EVERY_MEMBER, 'platform_admin'],
  'jit.update': ['lead_leader', 'platform_admin'],
  'jit.activate': ['lead_leader', 'platform_admin'],
  'jit.extend': ['lead_leader', 'platform_admin'],
  'jit.close': ['lead_leader'],
  'members.read': [...EVERY_MEMBER, 'platform_admin'],
  'members.manage': ['leader', 'platform_admin'],
  'record.read': EVERY_MEMBER,
  'record.read_all': OVERSIGHT,
  'record.verify': OVERSIGHT,
  'users.lookup': ['leader', 'platform_admin'],
  'evidence.read': EVERY_MEMBER,
  'evidence.upload': CONTRIBUTORS,
  // Narrowed by the access module to members of the uploader's party.
  'evidence.edit': CONTRIBUTORS,
  'evidence.verify': CONTRIBUTORS,
  'folders.manage': CONTRIBUTORS,
  'notes.read': EVERY_MEMBER,
  'notes.write': CONTRIBUTORS,
  'tasks.read': EVERY_MEMBER,
  'tasks.manage': ['leader'],
  // Narrowed by the access module to the task's assignee, unless a leader moves it.
  'tasks.move': EVERY_MEMBER,
  'comments.read': EVERY_MEMBER,
  // Everyone in the JIT may comment on what they may read.
  'comments.write': EVERY_MEMBER,
  'links.read': EVERY_MEMBER,
  // Linking shapes the shared record, so observers (who only read) do not.
  'links.write': CONTRIBUTORS,
};

/** The grantees a member (or the administrator) counts as, for the permission table. */
export function granteesOf(membership: { role: JitRole; isLeadParty: boolean } | null, isPlatformAdmin: boolean): JitGrantee[] {
  const grantees: JitGrantee[] = [];
  if (membership) {
    grantees.push(membership.role);
    if (membership.role === 'leader' && membership.isLeadParty) grantees.push('lead_leader');
  }
  if (isPlatformAdmin) grantees.push('platform_admin');
  return grantees;
}

export function isGranted(permission: JitPermission, grantees: readonly JitGrantee[]): boolean {
  const allowed = JIT_PERMISSION_TABLE[permission];
  return grantees.some((g) => allowed.includes(g));
}
