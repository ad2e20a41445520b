import i18n, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, languageDirection, type Language } from '@jit/shared';
import en from '../locales/en.json';

export const isLanguage = (value: unknown): value is Language => typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/**
 * A language's name in itself ("Français", "Українська"), as language menus show it so that anyone
 * finds their own whatever the interface speaks now. From Intl, so a new language needs no entry.
 */
export function languageAutonym(code: string): string {
  const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
}

/** Before login we only know the browser's preference; after login the account's language wins. */
export function browserLanguage(): Language {
  const preferred = typeof navigator !== 'undefined' ? (navigator.languages ?? [navigator.language]) : [];
  for (const tag of preferred) {
    const base = tag.slice(0, 2).toLowerCase();
    if (isLanguage(base)) return base;
  }
  return 'en';
}

/**
 * English is in the first script (it is the fallback for any missing key); every other language is
 * its own chunk, fetched the first time someone chooses it, so each added language costs the first
 * load nothing. A new `locales/<code>.json` is picked up here without a change to this file.
 */
const otherLocales = import.meta.glob<{ default: ResourceKey }>(['../locales/*.json', '!../locales/en.json']);

const lazyLocales: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, _namespace, callback) {
    const load = otherLocales[`../locales/${language}.json`];
    if (!load) return callback(null, {});
    load().then(
      (module) => callback(null, module.default),
      (error: Error) => callback(error, null),
    );
  },
};

function applyDocumentLanguage(language: string) {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = language;
  document.documentElement.dir = languageDirection(language);
}

i18n.on('languageChanged', applyDocumentLanguage);

void i18n
  .use(lazyLocales)
  .use(initReactI18next)
  .init({
    resources: { en: { translation: en } },
    partialBundledLanguages: true,
    lng: browserLanguage(),
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });

export { i18n };
