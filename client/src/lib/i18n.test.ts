import { describe, expect, it } from 'vitest';
import { languageAutonym } from './i18n';

describe('language names', () => {
  it('name each language in itself, capitalised as a menu entry', () => {
    expect(['en', 'fr', 'es', 'uk', 'ar'].map(languageAutonym)).toEqual(['English', 'Français', 'Español', 'Українська', 'العربية']);
    // A language added later needs no translation of its name.
    expect(languageAutonym('de')).toBe('Deutsch');
  });
});
