import { COUNTRY_CODES, WORKING_LANGUAGE_CODES } from '@jit/shared';

// Names come from the runtime in the interface language, so no country list needs translating.
export function countryName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function languageName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export interface SelectOption {
  value: string;
  label: string;
}

export const countryOptions = (language: string, codes: readonly string[] = COUNTRY_CODES): SelectOption[] =>
  codes.map((code) => ({ value: code, label: `${countryName(code, language)} (${code})` })).sort((a, b) => a.label.localeCompare(b.label, language));

export const workingLanguageOptions = (language: string): SelectOption[] =>
  WORKING_LANGUAGE_CODES.map((code) => ({ value: code, label: `${languageName(code, language)} (${code})` })).sort((a, b) => a.label.localeCompare(b.label, language));
