import { MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import {
  CLASSIFICATIONS,
  DOCUMENT_TYPES,
  HANDLING_CODES,
  type Classification,
  type DocumentType,
  type EvidenceItem,
  type EvidenceMetadataInput,
  type Folder,
  type HandlingCode,
  type Party,
  type UpdateEvidenceRequest,
} from '@jit/shared';
import { useTranslation } from 'react-i18next';
import { workingLanguageOptions } from '../../../lib/countries';
import { parseTags } from '../utils/format';
import { DateTimeField } from '../../../components/date-time-field';

/** The form's view of an item's description: every value a string (or list) an input can hold. */
export interface MetadataValues {
  title: string;
  description: string;
  documentType: DocumentType | null;
  languages: string[];
  originatingPartyId: string | null;
  originatingAuthority: string;
  collectedBy: string;
  collectionMethod: string;
  /** A UTC ISO instant, or '' for none (entered on the clocks of the profile's zone). */
  obtainedAt: string;
  source: string;
  handlingCode: HandlingCode | null;
  classification: Classification | null;
  tags: string;
  folderId: string | null;
}

export const METADATA_FIELD_NAMES = [
  'title',
  'description',
  'documentType',
  'languages',
  'originatingPartyId',
  'originatingAuthority',
  'collectedBy',
  'collectionMethod',
  'obtainedAt',
  'source',
  'handlingCode',
  'classification',
  'tags',
  'folderId',
] as const;

/** A first guess of the document type from the file; the uploader confirms or changes it. */
export function guessDocumentType(mimeType: string): DocumentType {
  if (mimeType.startsWith('image/')) return 'photograph';
  if (mimeType.startsWith('video/')) return 'video';
  if (mimeType.startsWith('audio/')) return 'audio';
  return 'document';
}

export const initialValues = (file: File, partyId: string | null, folderId: string | null): MetadataValues => ({
  title: file.name,
  description: '',
  documentType: guessDocumentType(file.type),
  languages: [],
  originatingPartyId: partyId,
  originatingAuthority: '',
  collectedBy: '',
  collectionMethod: '',
  obtainedAt: '',
  source: '',
  handlingCode: null,
  classification: null,
  tags: '',
  folderId,
});

export const valuesOfItem = (item: EvidenceItem): MetadataValues => ({
  title: item.title,
  description: item.description,
  documentType: item.documentType,
  languages: item.languages,
  originatingPartyId: item.originatingPartyId,
  originatingAuthority: item.originatingAuthority,
  collectedBy: item.collectedBy,
  collectionMethod: item.collectionMethod,
  obtainedAt: item.obtainedAt ?? '',
  source: item.source,
  handlingCode: item.handlingCode,
  classification: item.classification,
  tags: item.tags.join(', '),
  folderId: item.folderId,
});

/** The fields the client requires before sending (the server checks again). */
export function missingFields(values: MetadataValues): Array<keyof MetadataValues> {
  const missing: Array<keyof MetadataValues> = [];
  if (!values.title.trim()) missing.push('title');
  if (!values.documentType) missing.push('documentType');
  if (!values.originatingPartyId) missing.push('originatingPartyId');
  if (!values.handlingCode) missing.push('handlingCode');
  return missing;
}

/** The request body: optional texts only when filled, the instant in UTC. */
export function toMetadataInput(values: MetadataValues): EvidenceMetadataInput {
  const input: EvidenceMetadataInput = {
    title: values.title.trim(),
    documentType: values.documentType as DocumentType,
    originatingPartyId: values.originatingPartyId ?? '',
    handlingCode: values.handlingCode as HandlingCode,
  };
  const texts = ['description', 'originatingAuthority', 'collectedBy', 'collectionMethod', 'source'] as const;
  for (const key of texts) if (values[key].trim()) input[key] = values[key].trim();
  if (values.languages.length) input.languages = values.languages;
  if (values.obtainedAt) input.obtainedAt = values.obtainedAt;
  if (values.classification) input.classification = values.classification;
  const tags = parseTags(values.tags);
  if (tags.length) input.tags = tags;
  if (values.folderId) input.folderId = values.folderId;
  return input;
}

/** Only what changed, for PATCH; cleared optional texts are sent empty, a cleared instant or folder as null. */
export function metadataChanges(before: MetadataValues, after: MetadataValues): UpdateEvidenceRequest {
  const changes: UpdateEvidenceRequest = {};
  const texts = ['title', 'description', 'originatingAuthority', 'collectedBy', 'collectionMethod', 'source'] as const;
  for (const key of texts) if (after[key].trim() !== before[key].trim()) changes[key] = after[key].trim();
  // A choice is never cleared: one left empty is not sent.
  if (after.documentType && after.documentType !== before.documentType) changes.documentType = after.documentType;
  if (after.originatingPartyId && after.originatingPartyId !== before.originatingPartyId) changes.originatingPartyId = after.originatingPartyId;
  if (after.handlingCode && after.handlingCode !== before.handlingCode) changes.handlingCode = after.handlingCode;
  if (after.classification && after.classification !== before.classification) changes.classification = after.classification;
  if (JSON.stringify(after.languages) !== JSON.stringify(before.languages)) changes.languages = after.languages;
  if (after.obtainedAt !== before.obtainedAt) changes.obtainedAt = after.obtainedAt || null;
  if (JSON.stringify(parseTags(after.tags)) !== JSON.stringify(parseTags(before.tags))) changes.tags = parseTags(after.tags);
  if (after.folderId !== before.folderId) changes.folderId = after.folderId;
  return changes;
}

/** A folder shown with its parents, e.g. "Intercepts / 2026 / March". */
export function folderOptions(folders: Folder[]): Array<{ value: string; label: string }> {
  const byId = new Map(folders.map((f) => [f.id, f]));
  const pathOf = (folder: Folder): string => {
    const names: string[] = [];
    let current: Folder | undefined = folder;
    const seen = new Set<string>();
    while (current && !seen.has(current.id)) {
      seen.add(current.id);
      names.unshift(current.name);
      current = current.parentId ? byId.get(current.parentId) : undefined;
    }
    return names.join(' / ');
  };
  return folders.map((f) => ({ value: f.id, label: pathOf(f) })).sort((a, b) => a.label.localeCompare(b.label));
}

interface MetadataFieldsProps {
  values: MetadataValues;
  onChange: <K extends keyof MetadataValues>(key: K, value: MetadataValues[K]) => void;
  parties: Party[];
  folders: Folder[];
  /** The translated problem of a field (server or client), if any. */
  fieldError: (field: string) => string | undefined;
  disabled?: boolean;
}

export function MetadataFields({ values, onChange, parties, folders, fieldError, disabled }: MetadataFieldsProps) {
  const { t, i18n } = useTranslation();
  const text = (key: 'title' | 'originatingAuthority' | 'collectedBy' | 'collectionMethod' | 'source', label: string, required = false) => (
    <TextInput label={label} required={required} disabled={disabled} value={values[key]} onChange={(e) => onChange(key, e.currentTarget.value)} error={fieldError(key)} />
  );
  return (
    <Stack gap="sm">
      {text('title', t('evidence.fields.title'), true)}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('evidence.fields.documentType')}
          required
          disabled={disabled}
          data={DOCUMENT_TYPES.map((d) => ({ value: d, label: t(`documentTypes.${d}`) }))}
          value={values.documentType}
          onChange={(v) => onChange('documentType', v as DocumentType | null)}
          allowDeselect={false}
          error={fieldError('documentType')}
        />
        <Select
          label={t('evidence.fields.handlingCode')}
          description={t('evidence.fields.handlingCodeHelp')}
          placeholder={t('evidence.fields.choose')}
          required
          disabled={disabled}
          data={HANDLING_CODES.map((h) => ({ value: h, label: t(`handlingCodes.${h}`) }))}
          value={values.handlingCode}
          onChange={(v) => onChange('handlingCode', v as HandlingCode | null)}
          allowDeselect={false}
          error={fieldError('handlingCode')}
        />
        <Select
          label={t('evidence.fields.originatingParty')}
          required
          disabled={disabled}
          data={parties.map((p) => ({ value: p.id, label: p.name }))}
          value={values.originatingPartyId}
          onChange={(v) => onChange('originatingPartyId', v)}
          allowDeselect={false}
          error={fieldError('originatingPartyId')}
        />
        {text('originatingAuthority', t('evidence.fields.originatingAuthority'))}
        {text('collectedBy', t('evidence.fields.collectedBy'))}
        {text('collectionMethod', t('evidence.fields.collectionMethod'))}
        <DateTimeField
          legend={t('evidence.fields.obtainedAt')}
          description={t('evidence.fields.obtainedAtHelp')}
          disabled={disabled}
          value={values.obtainedAt}
          onChange={(value) => onChange('obtainedAt', value)}
          error={fieldError('obtainedAt')}
        />
        {text('source', t('evidence.fields.source'))}
        <MultiSelect
          label={t('evidence.fields.languages')}
          searchable
          disabled={disabled}
          data={workingLanguageOptions(i18n.language)}
          value={values.languages}
          onChange={(v) => onChange('languages', v)}
          error={fieldError('languages')}
        />
        <Select
          label={t('evidence.fields.classification')}
          clearable
          disabled={disabled}
          data={CLASSIFICATIONS.map((c) => ({ value: c, label: t(`classifications.${c}`) }))}
          value={values.classification}
          onChange={(v) => onChange('classification', v as Classification | null)}
          error={fieldError('classification')}
        />
        <TextInput
          label={t('evidence.fields.tags')}
          description={t('evidence.fields.tagsHelp')}
          disabled={disabled}
          value={values.tags}
          onChange={(e) => onChange('tags', e.currentTarget.value)}
          error={fieldError('tags')}
        />
        <Select
          label={t('evidence.fields.folder')}
          clearable
          disabled={disabled}
          data={folderOptions(folders)}
          value={values.folderId}
          onChange={(v) => onChange('folderId', v)}
          error={fieldError('folderId')}
        />
      </SimpleGrid>
      <Textarea
        label={t('evidence.fields.description')}
        autosize
        minRows={2}
        disabled={disabled}
        value={values.description}
        onChange={(e) => onChange('description', e.currentTarget.value)}
        error={fieldError('description')}
      />
    </Stack>
  );
}
