/** Roles a member holds inside one JIT (DOMAIN.md, "People and roles"). */
export const JIT_ROLES = ['leader', 'member', 'legal_adviser', 'observer'] as const;
export type JitRole = (typeof JIT_ROLES)[number];

/** Lifecycle of a JIT space: draft → active → closed. */
export const JIT_STATUSES = ['draft', 'active', 'closed'] as const;
export type JitStatus = (typeof JIT_STATUSES)[number];

/** A party signed the agreement; a participant (Eurojust, Europol, ICC, a third state) takes part without signing. */
export const PARTY_KINDS = ['party', 'participant'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/**
 * Interface languages and the direction each is written in. The server validates an account's
 * language against this list; the client has one translation file per code
 * (client/src/locales/<code>.json, loaded when first chosen). Adding a language is that file and
 * one entry here; the client's compiler then asks for the line naming its calendar
 * (docs/ARCHITECTURE.md, "Adding an interface language").
 */
export const LANGUAGE_DIRECTIONS = { en: 'ltr', fr: 'ltr', es: 'ltr', uk: 'ltr', ar: 'rtl' } as const satisfies Record<string, 'ltr' | 'rtl'>;
export type Language = keyof typeof LANGUAGE_DIRECTIONS;
export type TextDirection = (typeof LANGUAGE_DIRECTIONS)[Language];
export const LANGUAGES = Object.keys(LANGUAGE_DIRECTIONS) as readonly Language[];
export const languageDirection = (language: string): TextDirection => (Object.hasOwn(LANGUAGE_DIRECTIONS, language) ? LANGUAGE_DIRECTIONS[language as Language] : 'ltr');
