import { LANGUAGES, languageDirection } from './roles';

describe('interface languages', () => {
  it('lists every language with its direction, Arabic right to left', () => {
    expect(LANGUAGES).toEqual(['en', 'fr', 'es', 'uk', 'ar']);
    expect(LANGUAGES.filter((language) => languageDirection(language) === 'rtl')).toEqual(['ar']);
  });

  it('reads an unknown or inherited name as left to right rather than failing', () => {
    expect(languageDirection('de')).toBe('ltr');
    expect(languageDirection('constructor')).toBe('ltr');
  });
});
