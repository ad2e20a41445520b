import { Fieldset, Group, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isoToZoned, TIME_OF_DAY, useTimeZone, zonedToIso } from '../lib/dates';
import { DateField } from './date-field';

export interface DateTimeFieldProps {
  legend: ReactNode;
  description?: ReactNode;
  /** A UTC ISO instant, or '' for none. */
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  error?: ReactNode;
}

/**
 * An instant entered as a date (in the person's way of writing dates) and a 24-hour time on the
 * clocks of the profile's zone, which the time field names, so a time read off a seizure report is
 * entered as it is written there and not silently shifted by the browser's own zone. The value is
 * the UTC instant; a date without a time is taken at 00:00, shown in the field.
 */
export function DateTimeField({ legend, description, value, onChange, disabled, error }: DateTimeFieldProps) {
  const { t } = useTranslation();
  const timeZone = useTimeZone();
  const [parts, setParts] = useState(() => isoToZoned(value, timeZone));
  const timeInvalid = parts.time !== '' && !TIME_OF_DAY.test(parts.time);

  const update = (next: { date: string; time: string }) => {
    const filled = next.date && !next.time ? { ...next, time: '00:00' } : next;
    setParts(filled);
    if (!filled.date) onChange('');
    else {
      const instant = zonedToIso(filled.date, filled.time, timeZone);
      if (instant) onChange(instant);
    }
  };

  return (
    <Fieldset legend={legend} variant="unstyled" disabled={disabled}>
      <Group align="flex-start" grow>
        <DateField label={t('dates.date')} description={description} value={parts.date} onChange={(date) => update({ ...parts, date })} error={error} />
        <TextInput
          label={t('dates.timeIn', { zone: timeZone })}
          placeholder="HH:mm"
          inputMode="numeric"
          maxLength={5}
          value={parts.time}
          onChange={(event) => update({ ...parts, time: event.currentTarget.value })}
          error={timeInvalid ? t('dates.timeInvalid') : undefined}
        />
      </Group>
    </Fieldset>
  );
}
