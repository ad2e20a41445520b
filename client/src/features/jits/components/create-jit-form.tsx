import { Button, Group, MultiSelect, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { LIMITS, type CreateJitRequest, type Jit, type PartyInput } from '@jit/shared';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { countryName, countryOptions, workingLanguageOptions } from '../../../lib/countries';
import { useFieldErrors } from '../../../lib/field-errors';
import { useCreateJit } from '../api/jits';
import { emptyParty, PartiesEditor } from './parties-editor';

type AgreementFields = Omit<CreateJitRequest, 'parties' | 'statesOfOperation' | 'leadPartyCountry'>;

const emptyAgreement = (): AgreementFields => ({
  reference: '',
  title: '',
  purpose: '',
  legalBasis: '',
  startDate: '',
  endDate: '',
  workingLanguage: 'en',
});

/** A participant without a country is sent without one: the contract makes it optional. */
const cleanParty = (party: PartyInput): PartyInput => ({
  kind: party.kind,
  name: party.name.trim(),
  authority: party.authority.trim(),
  ...(party.country ? { country: party.country } : {}),
});

export function CreateJitForm({ onCreated }: { onCreated: (jit: Jit) => void }) {
  const { t, i18n } = useTranslation();
  const create = useCreateJit();
  const fieldError = useFieldErrors(create.error);
  const [agreement, setAgreement] = useState<AgreementFields>(emptyAgreement);
  const [statesOfOperation, setStatesOfOperation] = useState<string[]>([]);
  const [parties, setParties] = useState<PartyInput[]>(() => [emptyParty(), emptyParty()]);
  const [leadPartyCountry, setLeadPartyCountry] = useState<string | null>(null);
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);
  const languages = useMemo(() => workingLanguageOptions(i18n.language), [i18n.language]);

  // Only the kind "party" is a signing state that can lead the team.
  const leadCandidates = useMemo(() => {
    const codes = parties.filter((p) => p.kind === 'party' && p.country).map((p) => p.country as string);
    return [...new Set(codes)].map((code) => ({ value: code, label: `${countryName(code, i18n.language)} (${code})` }));
  }, [parties, i18n.language]);
  const lead = leadPartyCountry && leadCandidates.some((c) => c.value === leadPartyCountry) ? leadPartyCountry : null;

  const set = <K extends keyof AgreementFields>(key: K, value: AgreementFields[K]) =>
    setAgreement((previous) => ({ ...previous, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        ...agreement,
        reference: agreement.reference.trim(),
        title: agreement.title.trim(),
        statesOfOperation,
        parties: parties.map(cleanParty),
        leadPartyCountry: lead ?? '',
      },
      { onSuccess: onCreated },
    );
  };

  const shownFields = [
    ...Object.keys(agreement),
    'statesOfOperation',
    'leadPartyCountry',
    ...parties.flatMap((_, i) => ['kind', 'country', 'name', 'authority'].map((f) => `parties.${i}.${f}`)),
  ];

  return (
    <Paper withBorder p="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2}>{t('jits.createTitle')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('fields.reference')}
              required
              maxLength={LIMITS.referenceMax}
              value={agreement.reference}
              onChange={(e) => set('reference', e.currentTarget.value)}
              error={fieldError('reference')}
            />
            <TextInput
              label={t('fields.title')}
              required
              maxLength={LIMITS.titleMax}
              value={agreement.title}
              onChange={(e) => set('title', e.currentTarget.value)}
              error={fieldError('title')}
            />
          </SimpleGrid>
          <Textarea
            label={t('fields.purpose')}
            required
            autosize
            minRows={3}
            maxLength={LIMITS.purposeMax}
            value={agreement.purpose}
            onChange={(e) => set('purpose', e.currentTarget.value)}
            error={fieldError('purpose')}
          />
          <Textarea
            label={t('fields.legalBasis')}
            required
            autosize
            minRows={2}
            maxLength={LIMITS.legalBasisMax}
            value={agreement.legalBasis}
            onChange={(e) => set('legalBasis', e.currentTarget.value)}
            error={fieldError('legalBasis')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              type="date"
              label={t('fields.startDate')}
              required
              value={agreement.startDate}
              onChange={(e) => set('startDate', e.currentTarget.value)}
              error={fieldError('startDate')}
            />
            <TextInput
              type="date"
              label={t('fields.endDate')}
              required
              value={agreement.endDate}
              onChange={(e) => set('endDate', e.currentTarget.value)}
              error={fieldError('endDate')}
            />
            <Select
              label={t('fields.workingLanguage')}
              searchable
              data={languages}
              value={agreement.workingLanguage}
              onChange={(value) => value && set('workingLanguage', value)}
              allowDeselect={false}
              error={fieldError('workingLanguage')}
            />
          </SimpleGrid>
          <MultiSelect
            label={t('fields.statesOfOperation')}
            required
            searchable
            data={countries}
            value={statesOfOperation}
            onChange={setStatesOfOperation}
            maxValues={LIMITS.statesOfOperationMax}
            error={fieldError('statesOfOperation')}
          />
          <Title order={4}>{t('jits.parties')}</Title>
          <Text size="sm" c="dimmed">
            {t('jits.partiesHelp')}
          </Text>
          {fieldError('parties') && (
            <Text c="red" size="sm">
              {fieldError('parties')}
            </Text>
          )}
          <PartiesEditor parties={parties} onChange={setParties} countries={countries} fieldError={fieldError} />
          <Select
            label={t('fields.leadParty')}
            required
            data={leadCandidates}
            value={lead}
            onChange={setLeadPartyCountry}
            error={fieldError('leadPartyCountry')}
            placeholder={leadCandidates.length === 0 ? t('jits.leadPartyHint') : undefined}
          />
          <ErrorAlert error={create.error} shownFields={shownFields} />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('jits.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
