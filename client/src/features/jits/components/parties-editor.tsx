import { ActionIcon, Button, Fieldset, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { LIMITS, PARTY_KINDS, type PartyInput, type PartyKind } from '@jit/shared';
import { useTranslation } from 'react-i18next';
import type { SelectOption } from '../../../lib/countries';

export const emptyParty = (): PartyInput => ({ kind: 'party', country: '', name: '', authority: '' });

interface PartiesEditorProps {
  parties: PartyInput[];
  onChange: (parties: PartyInput[]) => void;
  countries: SelectOption[];
  fieldError: (field: string) => string | undefined;
}

/** Rows of parties and participants; errors come back as "parties.<index>.<field>". */
export function PartiesEditor({ parties, onChange, countries, fieldError }: PartiesEditorProps) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<PartyInput>) => onChange(parties.map((party, i) => (i === index ? { ...party, ...patch } : party)));
  const remove = (index: number) => onChange(parties.filter((_, i) => i !== index));

  return (
    <Stack gap="sm">
      {parties.map((party, index) => {
        const rowLabel = t('jits.partyRow', { number: index + 1 });
        return (
          <Fieldset key={index} legend={rowLabel} data-testid={`party-row-${index}`}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('jits.partyKindLabel', { number: index + 1 })}
                data={PARTY_KINDS.map((kind) => ({ value: kind, label: t(`partyKinds.${kind}`) }))}
                value={party.kind}
                onChange={(value) => value && update(index, { kind: value as PartyKind })}
                allowDeselect={false}
                error={fieldError(`parties.${index}.kind`)}
              />
              <Select
                label={t('jits.partyCountryLabel', { number: index + 1 })}
                required={party.kind === 'party'}
                searchable
                clearable
                data={countries}
                value={party.country || null}
                onChange={(value) => update(index, { country: value ?? '' })}
                error={fieldError(`parties.${index}.country`)}
              />
              <TextInput
                label={t('jits.partyNameLabel', { number: index + 1 })}
                required
                maxLength={LIMITS.partyNameMax}
                value={party.name}
                onChange={(e) => update(index, { name: e.currentTarget.value })}
                error={fieldError(`parties.${index}.name`)}
              />
              <TextInput
                label={t('jits.partyAuthorityLabel', { number: index + 1 })}
                required
                maxLength={LIMITS.authorityMax}
                value={party.authority}
                onChange={(e) => update(index, { authority: e.currentTarget.value })}
                error={fieldError(`parties.${index}.authority`)}
              />
            </SimpleGrid>
            <Group justify="flex-end" mt="xs">
              <ActionIcon variant="subtle" color="red" onClick={() => remove(index)} aria-label={t('jits.removeParty', { number: index + 1 })} disabled={parties.length <= 1}>
                ✕
              </ActionIcon>
            </Group>
          </Fieldset>
        );
      })}
      <Group>
        <Button variant="light" onClick={() => onChange([...parties, emptyParty()])} disabled={parties.length >= LIMITS.partiesMax}>
          {t('jits.addParty')}
        </Button>
      </Group>
    </Stack>
  );
}
