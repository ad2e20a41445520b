/** Roles a member holds inside one JIT (DOMAIN.md, "People and roles"). */
export const JIT_ROLES = ['leader', 'member', 'legal_adviser', 'observer'] as const;
export type JitRole = (typeof JIT_ROLES)[number];

/** Lifecycle of a JIT space: draft → active → closed. */
export const JIT_STATUSES = ['draft', 'active', 'closed'] as const;
export type JitStatus = (typeof JIT_STATUSES)[number];

/** A party signed the agreement; a participant (Eurojust, Europol, ICC, a third state) takes part without signing. */
export const PARTY_KINDS = ['party', 'participant'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** Interface languages. Adding one means adding its translation file in the client. */
export const LANGUAGES = ['en', 'fr', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];
