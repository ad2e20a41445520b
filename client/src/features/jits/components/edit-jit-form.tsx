import { Button, Group, Stack } from '@mantine/core';
import type { Jit, UpdateJitRequest } from '@jit/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useFieldErrors } from '../../../lib/field-errors';
import { useUpdateJit } from '../api/jits';
import { AGREEMENT_FIELD_NAMES, AgreementFields, type AgreementValues } from './agreement-fields';

const valuesOf = (jit: Jit): AgreementValues => ({
  title: jit.title,
  purpose: jit.purpose,
  legalBasis: jit.legalBasis,
  startDate: jit.startDate,
  endDate: jit.endDate,
  workingLanguage: jit.workingLanguage,
  statesOfOperation: jit.statesOfOperation,
});

/** Sends only the terms that changed; the dates only while the JIT is a draft. */
function changesOf(before: AgreementValues, after: AgreementValues, isDraft: boolean): UpdateJitRequest {
  const changes: Record<string, unknown> = {};
  for (const key of AGREEMENT_FIELD_NAMES) {
    if (!isDraft && (key === 'startDate' || key === 'endDate')) continue;
    const value = typeof after[key] === 'string' ? (after[key] as string).trim() : after[key];
    if (JSON.stringify(value) !== JSON.stringify(before[key])) changes[key] = value;
  }
  return changes as UpdateJitRequest;
}

export function EditJitForm({ jit, onDone }: { jit: Jit; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateJit(jit.id);
  const fieldError = useFieldErrors(update.error);
  const [values, setValues] = useState<AgreementValues>(() => valuesOf(jit));
  const isDraft = jit.status === 'draft';

  const set = <K extends keyof AgreementValues>(key: K, value: AgreementValues[K]) =>
    setValues((previous) => ({ ...previous, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const changes = changesOf(valuesOf(jit), values, isDraft);
    if (Object.keys(changes).length === 0) return onDone();
    update.mutate(changes, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <AgreementFields values={values} onChange={set} fieldError={fieldError} showDates={isDraft} />
        <ErrorAlert
          error={update.error}
          shownFields={AGREEMENT_FIELD_NAMES.filter((f) => isDraft || (f !== 'startDate' && f !== 'endDate'))}
        />
        <Group>
          <Button type="submit" loading={update.isPending}>
            {t('jits.saveAgreement')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
