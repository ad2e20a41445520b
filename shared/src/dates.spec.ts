import { isDateOnly, isTimeZone } from './dates';
import { isCountryCode, COUNTRY_CODES } from './countries';

describe('dates and codes', () => {
  it.each(['2026-02-30', '2026-13-01', '26-01-01', '2026-1-1', '', 20260101])('rejects %p as a date', (value) => {
    expect(isDateOnly(value)).toBe(false);
  });
  it('accepts a leap day', () => expect(isDateOnly('2028-02-29')).toBe(true));
  it('knows IANA zones and refuses invented ones', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
  it('knows the ISO 3166 alpha-2 codes', () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    expect(isCountryCode('NL')).toBe(true);
    expect(isCountryCode('XX')).toBe(false);
  });
});
