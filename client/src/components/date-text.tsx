import { Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateOnly, formatInstant, formatRelative, formatUtc, useTimeZone } from '../lib/dates';

/**
 * An instant with more about it on hover and on keyboard focus (WCAG 1.4.13): the value in UTC, and
 * for a relative time the instant in the person's zone too. It is a tab stop so a keyboard user can
 * reach it; the open tooltip is the time's description for screen readers.
 */
function TimeWithDetail({ value, shown, detail }: { value: string; shown: string; detail: string }) {
  return (
    <Tooltip label={detail} events={{ hover: true, focus: true, touch: true }} withinPortal>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- the detail shows on focus, so the keyboard must be able to reach it (WCAG 1.4.13) */}
      <time dateTime={value} tabIndex={0} data-detail={detail}>
        {shown}
      </time>
    </Tooltip>
  );
}

/** An instant in the person's time zone; the UTC value on hover and focus. */
export function InstantText({ value }: { value: string | null | undefined }) {
  const { i18n } = useTranslation();
  const timeZone = useTimeZone();
  if (!value) return <span>—</span>;
  return <TimeWithDetail value={value} shown={formatInstant(value, timeZone, i18n.language)} detail={formatUtc(value)} />;
}

/** A recent instant as "5 minutes ago" (older ones as the full instant); on hover and focus, the instant in the person's zone and in UTC. */
export function RelativeInstantText({ value }: { value: string }) {
  const { i18n } = useTranslation();
  const timeZone = useTimeZone();
  const absolute = formatInstant(value, timeZone, i18n.language);
  const relative = formatRelative(value, Date.now(), i18n.language);
  return <TimeWithDetail value={value} shown={relative ?? absolute} detail={relative ? `${absolute} · ${formatUtc(value)}` : formatUtc(value)} />;
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
