import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateOnly, formatInstant, formatRelative, formatUtc, useTimeZone } from '../lib/dates';

/** An instant in the user's time zone; the UTC value appears on hover. */
export function InstantText({ value }: { value: string | null | undefined }) {
  const { i18n } = useTranslation();
  const timeZone = useTimeZone();
  if (!value) return <span>—</span>;
  return (
    <time dateTime={value} title={formatUtc(value)}>
      {formatInstant(value, timeZone, i18n.language)}
    </time>
  );
}

/** A recent instant as "5 minutes ago" (older ones as the full instant), the full instant in the user's zone on hover. */
export function RelativeInstantText({ value }: { value: string }) {
  const { i18n } = useTranslation();
  const timeZone = useTimeZone();
  const absolute = formatInstant(value, timeZone, i18n.language);
  return (
    <time dateTime={value} title={absolute}>
      {formatRelative(value, Date.now(), i18n.language) ?? absolute}
    </time>
  );
}

/** A calendar date from the agreement: no time zone applies. */
export function DateOnlyText({ value }: { value: string | null | undefined }) {
  const { i18n } = useTranslation();
  if (!value) return <Text span>—</Text>;
  return (
    <time dateTime={value} title={value}>
      {formatDateOnly(value, i18n.language)}
    </time>
  );
}
