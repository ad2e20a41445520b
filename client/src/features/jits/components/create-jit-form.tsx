import { Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { LIMITS, type CreateJitRequest, type Jit, type PartyInput } from '@jit/shared';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { countryName, countryOptions } from '../../../lib/countries';
import { useFieldErrors } from '../../../lib/field-errors';
import { useCreateJit } from '../api/jits';
import { AgreementFields } from './agreement-fields';
import { emptyParty, PartiesEditor } from './parties-editor';

type AgreementFields = Omit<CreateJitRequest, 'parties' | 'leadPartyCountry'>;

const emptyAgreement = (): AgreementFields => ({
  reference: '',
  title: '',
  purpose: '',
  legalBasis: '',
  startDate: '',
  endDate: '',
  workingLanguage: 'en',
  statesOfOperation: [],
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
  const [parties, setParties] = useState<PartyInput[]>(() => [emptyParty(), emptyParty()]);
  const [leadPartyCountry, setLeadPartyCountry] = useState<string | null>(null);
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);

  // Only the kind "party" is a signing state that can lead the team.
  const leadCandidates = useMemo(() => {
    const codes = parties.filter((p) => p.kind === 'party' && p.country).map((p) => p.country as string);
    return [...new Set(codes)].map((code) => ({ value: code, label: `${countryName(code, i18n.language)} (${code})` }));
  }, [parties, i18n.language]);
  const lead = leadPartyCountry && leadCandidates.some((c) => c.value === leadPartyCountry) ? leadPartyCountry : null;

  const set = <K extends keyof AgreementFields>(key: K, value: AgreementFields[K]) => setAgreement((previous) => ({ ...previous, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        ...agreement,
        reference: agreement.reference.trim(),
        title: agreement.title.trim(),
        parties: parties.map(cleanParty),
        leadPartyCountry: lead ?? '',
      },
      { onSuccess: onCreated },
    );
  };

  const shownFields = [...Object.keys(agreement), 'leadPartyCountry', ...parties.flatMap((_, i) => ['kind', 'country', 'name', 'authority'].map((f) => `parties.${i}.${f}`))];

  return (
    <Paper withBorder p="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2}>{t('jits.createTitle')}</Title>
          <AgreementFields
            values={agreement}
            onChange={(key, value) => setAgreement((previous) => ({ ...previous, [key]: value }))}
            fieldError={fieldError}
            leading={
              <TextInput
                label={t('fields.reference')}
                required
                maxLength={LIMITS.referenceMax}
                value={agreement.reference}
                onChange={(e) => set('reference', e.currentTarget.value)}
                error={fieldError('reference')}
              />
            }
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
