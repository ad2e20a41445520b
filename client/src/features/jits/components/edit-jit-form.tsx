import { Stack } from '@mantine/core';
import type { Jit, UpdateJitRequest } from '@jit/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useFieldErrors } from '../../../lib/field-errors';
import { useUpdateJit } from '../api/jits';
import { bytesToSize, normalizeMimeTypes, sizeToBytes } from '../utils/upload-settings';
import { AGREEMENT_FIELD_NAMES, AgreementFields, type AgreementValues } from './agreement-fields';
import { UPLOAD_SETTINGS_FIELD_NAMES, UploadSettingsFields, uploadSettingsValid, type UploadSettingsValues } from './upload-settings-fields';
import { FormActions } from '../../../components/form-actions';

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
  // Keyed by field name: each value is the form's own, of the type the request has for that field.
  const changes: Record<string, unknown> = {};
  for (const key of AGREEMENT_FIELD_NAMES) {
    if (!isDraft && (key === 'startDate' || key === 'endDate')) continue;
    const value = typeof after[key] === 'string' ? after[key].trim() : after[key];
    if (JSON.stringify(value) !== JSON.stringify(before[key])) changes[key] = value;
  }
  return changes;
}

const uploadSettingsOf = (jit: Jit): UploadSettingsValues => ({
  maxUpload: bytesToSize(jit.maxUploadBytes),
  blockedTypes: jit.blockedTypes ?? [],
});

/**
 * The upload settings that changed. The size goes only once the user touched it, so a limit shown
 * rounded is not sent back rounded; an emptied size is null, the server's default.
 */
function uploadChangesOf(jit: Jit, before: UploadSettingsValues, after: UploadSettingsValues): UpdateJitRequest {
  const changes: UpdateJitRequest = {};
  const touched = String(after.maxUpload.amount) !== String(before.maxUpload.amount) || after.maxUpload.unit !== before.maxUpload.unit;
  const bytes = sizeToBytes(after.maxUpload);
  if (touched && bytes !== jit.maxUploadBytes) changes.maxUploadBytes = bytes;
  const blockedTypes = normalizeMimeTypes(after.blockedTypes);
  if (JSON.stringify(blockedTypes) !== JSON.stringify(before.blockedTypes)) changes.blockedTypes = blockedTypes;
  return changes;
}

export function EditJitForm({ jit, onDone }: { jit: Jit; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateJit(jit.id);
  const fieldError = useFieldErrors(update.error);
  const [values, setValues] = useState<AgreementValues>(() => valuesOf(jit));
  const [uploadSettings, setUploadSettings] = useState<UploadSettingsValues>(() => uploadSettingsOf(jit));
  const isDraft = jit.status === 'draft';

  const set = <K extends keyof AgreementValues>(key: K, value: AgreementValues[K]) => setValues((previous) => ({ ...previous, [key]: value }));
  const setUpload = <K extends keyof UploadSettingsValues>(key: K, value: UploadSettingsValues[K]) => setUploadSettings((previous) => ({ ...previous, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!uploadSettingsValid(uploadSettings)) return;
    const changes = {
      ...changesOf(valuesOf(jit), values, isDraft),
      ...uploadChangesOf(jit, uploadSettingsOf(jit), uploadSettings),
    };
    if (Object.keys(changes).length === 0) return onDone();
    update.mutate(changes, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <AgreementFields values={values} onChange={set} fieldError={fieldError} showDates={isDraft} />
        <UploadSettingsFields values={uploadSettings} onChange={setUpload} fieldError={fieldError} />
        <ErrorAlert
          error={update.error}
          shownFields={[...AGREEMENT_FIELD_NAMES.filter((f) => isDraft || (f !== 'startDate' && f !== 'endDate')), ...UPLOAD_SETTINGS_FIELD_NAMES]}
        />
        <FormActions submitLabel={t('jits.saveAgreement')} loading={update.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}
