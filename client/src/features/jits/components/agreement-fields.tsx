import { MultiSelect, Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { LIMITS } from '@jit/shared';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { countryOptions, workingLanguageOptions } from '../../../lib/countries';
import { DateField } from '../../../components/date-field';

/** The agreement's editable terms, shared by the create and edit forms. */
export interface AgreementValues {
  title: string;
  purpose: string;
  legalBasis: string;
  startDate: string;
  endDate: string;
  workingLanguage: string;
  statesOfOperation: string[];
}

export const AGREEMENT_FIELD_NAMES: readonly (keyof AgreementValues)[] = ['title', 'purpose', 'legalBasis', 'startDate', 'endDate', 'workingLanguage', 'statesOfOperation'];

interface AgreementFieldsProps {
  values: AgreementValues;
  onChange: <K extends keyof AgreementValues>(key: K, value: AgreementValues[K]) => void;
  fieldError: (field: string) => string | undefined;
  /** The dates are fixed once the JIT is active: they then move by extensions. */
  showDates?: boolean;
  /** Rendered beside the title, e.g. the reference on creation. */
  leading?: ReactNode;
}

export function AgreementFields({ values, onChange, fieldError, showDates = true, leading }: AgreementFieldsProps) {
  const { t, i18n } = useTranslation();
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);
  const languages = useMemo(() => workingLanguageOptions(i18n.language), [i18n.language]);

  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: leading ? 2 : 1 }}>
        {leading}
        <TextInput
          label={t('fields.title')}
          required
          maxLength={LIMITS.titleMax}
          value={values.title}
          onChange={(e) => onChange('title', e.currentTarget.value)}
          error={fieldError('title')}
        />
      </SimpleGrid>
      <Textarea
        label={t('fields.purpose')}
        required
        autosize
        minRows={3}
        maxLength={LIMITS.purposeMax}
        value={values.purpose}
        onChange={(e) => onChange('purpose', e.currentTarget.value)}
        error={fieldError('purpose')}
      />
      <Textarea
        label={t('fields.legalBasis')}
        required
        autosize
        minRows={2}
        maxLength={LIMITS.legalBasisMax}
        value={values.legalBasis}
        onChange={(e) => onChange('legalBasis', e.currentTarget.value)}
        error={fieldError('legalBasis')}
      />
      <SimpleGrid cols={{ base: 1, sm: showDates ? 3 : 1 }}>
        {showDates && (
          <DateField label={t('fields.startDate')} required value={values.startDate} onChange={(value) => onChange('startDate', value)} error={fieldError('startDate')} />
        )}
        {showDates && <DateField label={t('fields.endDate')} required value={values.endDate} onChange={(value) => onChange('endDate', value)} error={fieldError('endDate')} />}
        <Select
          label={t('fields.workingLanguage')}
          searchable
          data={languages}
          value={values.workingLanguage}
          onChange={(value) => value && onChange('workingLanguage', value)}
          allowDeselect={false}
          error={fieldError('workingLanguage')}
        />
      </SimpleGrid>
      <MultiSelect
        label={t('fields.statesOfOperation')}
        required
        searchable
        data={countries}
        value={values.statesOfOperation}
        onChange={(value) => onChange('statesOfOperation', value)}
        maxValues={LIMITS.statesOfOperationMax}
        error={fieldError('statesOfOperation')}
      />
    </>
  );
}
