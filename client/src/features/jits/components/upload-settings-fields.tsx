import { Fieldset, Group, NumberInput, Select, TagsInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isMimeType, normalizeMimeTypes, sizeToBytes, SIZE_UNITS, type SizeUnit, type SizeValue } from '../utils/upload-settings';

/** The upload settings of a JIT as edited: the largest file and the refused MIME types. */
export interface UploadSettingsValues {
  maxUpload: SizeValue;
  blockedTypes: string[];
}

export const UPLOAD_SETTINGS_FIELD_NAMES = ['maxUploadBytes', 'blockedTypes'] as const;

/** Types a JIT commonly refuses, offered as suggestions; any other MIME type may be typed. */
const SUGGESTED_BLOCKED_TYPES = [
  'application/x-msdownload',
  'application/x-dosexec',
  'application/vnd.microsoft.portable-executable',
  'application/x-msi',
  'application/x-executable',
  'application/x-sh',
  'application/java-archive',
  'application/javascript',
  'text/html',
];

/** The typed entries the server would refuse as MIME types. */
export const invalidMimeTypes = (values: readonly string[]): string[] => values.filter((value) => !isMimeType(value));

/** True when the values can be sent: a positive size or none, and only well-formed MIME types. */
export const uploadSettingsValid = (values: UploadSettingsValues): boolean => !Number.isNaN(sizeToBytes(values.maxUpload)) && invalidMimeTypes(values.blockedTypes).length === 0;

interface UploadSettingsFieldsProps {
  values: UploadSettingsValues;
  onChange: <K extends keyof UploadSettingsValues>(key: K, value: UploadSettingsValues[K]) => void;
  fieldError: (field: string) => string | undefined;
}

export function UploadSettingsFields({ values, onChange, fieldError }: UploadSettingsFieldsProps) {
  const { t } = useTranslation();
  const sizeInvalid = Number.isNaN(sizeToBytes(values.maxUpload));
  const invalidTypes = invalidMimeTypes(values.blockedTypes);

  return (
    <Fieldset legend={t('jits.uploadSettings.title')}>
      <Group align="flex-start" wrap="nowrap">
        <NumberInput
          label={t('jits.uploadSettings.maxUpload')}
          description={t('jits.uploadSettings.maxUploadHelp')}
          min={0}
          allowNegative={false}
          decimalScale={3}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          value={values.maxUpload.amount}
          onChange={(amount) => onChange('maxUpload', { ...values.maxUpload, amount })}
          error={sizeInvalid ? t('jits.uploadSettings.maxUploadInvalid') : fieldError('maxUploadBytes')}
          style={{ flex: 1 }}
        />
        <Select
          label={t('jits.uploadSettings.unit')}
          w={110}
          data={SIZE_UNITS.map((unit) => ({ value: unit, label: t(`jits.uploadSettings.units.${unit}`) }))}
          value={values.maxUpload.unit}
          onChange={(unit) => unit && onChange('maxUpload', { ...values.maxUpload, unit: unit as SizeUnit })}
          allowDeselect={false}
        />
      </Group>
      <TagsInput
        mt="sm"
        label={t('jits.uploadSettings.blockedTypes')}
        description={t('jits.uploadSettings.blockedTypesHelp')}
        placeholder="application/x-msdownload"
        data={SUGGESTED_BLOCKED_TYPES}
        splitChars={[',', ' ']}
        maxTags={100}
        clearable
        value={values.blockedTypes}
        onChange={(types) => onChange('blockedTypes', normalizeMimeTypes(types))}
        error={invalidTypes.length > 0 ? t('jits.uploadSettings.blockedTypesInvalid', { types: invalidTypes.join(', ') }) : fieldError('blockedTypes')}
      />
    </Fieldset>
  );
}
