import '@mantine/dates/styles.css';
import { DateInput, DatesProvider } from '@mantine/dates';
import type { Language } from '@jit/shared';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { datePattern, parseDateInput, regionalLocale } from '../lib/dates';

/**
 * The calendar's month and day names per interface language (dayjs locales), each loaded when first
 * needed. The compiler holds this list to the shared list of languages: a new language adds a line.
 */
const CALENDAR_LOCALES: Record<Language, () => Promise<unknown>> = {
  en: () => Promise.resolve(),
  fr: () => import('dayjs/locale/fr'),
  es: () => import('dayjs/locale/es'),
  uk: () => import('dayjs/locale/uk'),
  ar: () => import('dayjs/locale/ar'),
};

/** The dayjs locale of the language once loaded ('en' until then, so the field works at once). */
function useCalendarLocale(language: string): string {
  const [loaded, setLoaded] = useState<string>('en');
  useEffect(() => {
    const load = CALENDAR_LOCALES[language as Language];
    if (!load) return;
    let current = true;
    void load().then(() => current && setLoaded(language));
    return () => {
      current = false;
    };
  }, [language]);
  return loaded;
}

export interface DateFieldProps {
  label: ReactNode;
  /** `YYYY-MM-DD`, or '' for none. */
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  error?: ReactNode;
  description?: ReactNode;
  /** Earliest and latest days that may be picked, `YYYY-MM-DD`. */
  minDate?: string;
  maxDate?: string;
}

/**
 * A calendar date typed or picked in the person's language and way of writing dates (28/11/2026,
 * 11/28/2026, 28.11.2026), whatever the browser's own date field would show; an ISO date typed or
 * pasted is understood too. The value is always `YYYY-MM-DD`.
 */
export function DateField({ label, value, onChange, required, error, description, minDate, maxDate }: DateFieldProps) {
  const { t, i18n } = useTranslation();
  const locale = regionalLocale(i18n.language);
  const calendarLocale = useCalendarLocale(i18n.language);
  const { format } = datePattern(locale);
  return (
    <DatesProvider settings={{ locale: calendarLocale }}>
      <DateInput
        label={label}
        description={description}
        required={required}
        error={error}
        value={value || null}
        onChange={(next) => onChange(next ?? '')}
        valueFormat={format}
        dateParser={(input) => parseDateInput(input, locale)}
        placeholder={format.replace(/[[\]]/g, '')}
        clearable={!required}
        minDate={minDate}
        maxDate={maxDate}
        popoverProps={{ withinPortal: true }}
        ariaLabels={{
          previousMonth: t('dates.previousMonth'),
          nextMonth: t('dates.nextMonth'),
          previousYear: t('dates.previousYear'),
          nextYear: t('dates.nextYear'),
          previousDecade: t('dates.previousDecade'),
          nextDecade: t('dates.nextDecade'),
          monthLevelControl: t('dates.chooseMonth'),
          yearLevelControl: t('dates.chooseYear'),
        }}
        clearButtonProps={{ 'aria-label': t('dates.clear') }}
      />
    </DatesProvider>
  );
}
