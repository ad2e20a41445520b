// The item's description: its facts as shared, and the form its party's contributors change them in.
import { Paper, SimpleGrid, Stack } from '@mantine/core';
import type { EvidenceItem, Jit } from '@jit/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { InstantText } from '../../../components/date-text';
import { ErrorAlert } from '../../../components/error-alert';
import { languageName } from '../../../lib/countries';
import { useFieldErrors } from '../../../lib/field-errors';
import { useFolders, useUpdateEvidence } from '../api/evidence';
import { folderOptions, METADATA_FIELD_NAMES, MetadataFields, metadataChanges, missingFields, valuesOfItem, type MetadataValues } from './metadata-fields';
import { FormActions } from '../../../components/form-actions';
import { Fact } from '../../../components/fact';

export function MetadataFacts({ jit, item }: { jit: Jit; item: EvidenceItem }) {
  const { t, i18n } = useTranslation();
  const folders = useFolders(jit.id);
  const party = jit.parties.find((p) => p.id === item.originatingPartyId);
  const folder = folderOptions(folders.data ?? []).find((f) => f.value === item.folderId);
  return (
    <Paper withBorder p="md" data-testid="evidence-metadata">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        <Fact label={t('evidence.fields.documentType')}>{t(`documentTypes.${item.documentType}`)}</Fact>
        <Fact label={t('evidence.fields.handlingCode')}>{t(`handlingCodes.${item.handlingCode}`)}</Fact>
        <Fact label={t('evidence.fields.classification')}>{t(`classifications.${item.classification}`)}</Fact>
        <Fact label={t('evidence.fields.originatingParty')}>{party?.name}</Fact>
        <Fact label={t('evidence.fields.originatingAuthority')}>{item.originatingAuthority}</Fact>
        <Fact label={t('evidence.fields.collectedBy')}>{item.collectedBy}</Fact>
        <Fact label={t('evidence.fields.collectionMethod')}>{item.collectionMethod}</Fact>
        <Fact label={t('evidence.fields.obtainedAt')}>{item.obtainedAt && <InstantText value={item.obtainedAt} />}</Fact>
        <Fact label={t('evidence.fields.source')}>{item.source}</Fact>
        <Fact label={t('evidence.fields.languages')}>{item.languages.map((l) => languageName(l, i18n.language)).join(', ')}</Fact>
        <Fact label={t('evidence.fields.tags')}>{item.tags.join(', ')}</Fact>
        <Fact label={t('evidence.fields.folder')}>{folder?.label}</Fact>
        <Fact label={t('evidence.item.createdBy')}>{item.createdByName}</Fact>
        <Fact label={t('evidence.item.createdAt')}>
          <InstantText value={item.createdAt} />
        </Fact>
        <Fact label={t('evidence.item.updatedAt')}>
          <InstantText value={item.updatedAt} />
        </Fact>
      </SimpleGrid>
      <Stack mt="sm">
        <Fact label={t('evidence.fields.description')}>{item.description}</Fact>
      </Stack>
    </Paper>
  );
}

export function EditMetadataForm({ jit, item, onDone }: { jit: Jit; item: EvidenceItem; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateEvidence(jit.id, item.id);
  const folders = useFolders(jit.id);
  const [values, setValues] = useState<MetadataValues>(() => valuesOfItem(item));
  const [missing, setMissing] = useState<string[]>([]);
  const serverFieldError = useFieldErrors(update.error);
  const fieldError = (field: string) => (missing.includes(field) ? t('fieldErrors.required') : serverFieldError(field));
  const set = <K extends keyof MetadataValues>(key: K, value: MetadataValues[K]) => setValues((previous) => ({ ...previous, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const absent = missingFields(values);
    setMissing(absent);
    if (absent.length > 0) return;
    const changes = metadataChanges(valuesOfItem(item), values);
    if (Object.keys(changes).length === 0) return onDone();
    update.mutate(changes, { onSuccess: onDone });
  };

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-label={t('evidence.item.editTitle')}>
        <Stack>
          <MetadataFields values={values} onChange={set} parties={jit.parties} folders={folders.data ?? []} fieldError={fieldError} />
          <ErrorAlert error={update.error} shownFields={METADATA_FIELD_NAMES} />
          <FormActions submitLabel={t('common.save')} loading={update.isPending} onCancel={onDone} />
        </Stack>
      </form>
    </Paper>
  );
}
