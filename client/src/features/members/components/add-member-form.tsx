import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { JIT_ROLES, type Jit, type JitRole, type UserLookupResult } from '@jit/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { dateInputToInstant } from '../../../lib/dates';
import { useFieldErrors } from '../../../lib/field-errors';
import type { JitAccess } from '../../../lib/permissions';
import { useAddMember, useLookupUser } from '../api/members';
import { DateField } from '../../../components/date-field';

interface AddMemberFormProps {
  jit: Jit;
  access: JitAccess;
  isPlatformAdmin: boolean;
}

/** Find an account by email, then place it in a party with a role. */
export function AddMemberForm({ jit, access, isPlatformAdmin }: AddMemberFormProps) {
  const { t } = useTranslation();
  const lookup = useLookupUser(jit.id);
  const add = useAddMember(jit.id);
  const fieldError = useFieldErrors(add.error);
  const [email, setEmail] = useState('');
  const [person, setPerson] = useState<UserLookupResult | null>(null);
  const [partyId, setPartyId] = useState<string | null>(null);
  const [role, setRole] = useState<JitRole>(isPlatformAdmin ? 'leader' : 'member');
  const [expiry, setExpiry] = useState('');
  const [addedName, setAddedName] = useState<string | null>(null);

  const parties = jit.parties.filter((party) => access.canManageParty(party.id));
  // The administrator sets up the team's leaders; the leaders then add everyone else.
  const roles: readonly JitRole[] = isPlatformAdmin && !jit.myMembership ? ['leader'] : JIT_ROLES;
  const chosenParty = partyId ?? (parties.length === 1 ? parties[0].id : null);
  const chosenRole = roles.includes(role) ? role : roles[0];

  const find = (event: FormEvent) => {
    event.preventDefault();
    setPerson(null);
    setAddedName(null);
    add.reset();
    lookup.mutate(email.trim(), { onSuccess: setPerson });
  };

  const submit = () => {
    if (!person || !chosenParty) return;
    add.mutate(
      { userId: person.id, partyId: chosenParty, role: chosenRole, accessExpiresAt: dateInputToInstant(expiry, true) ?? null },
      {
        onSuccess: (member) => {
          setAddedName(member.displayName);
          setPerson(null);
          setEmail('');
          setExpiry('');
        },
      },
    );
  };

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={3}>{t('members.addTitle')}</Title>
        <form onSubmit={find} noValidate>
          <Group align="flex-end">
            <TextInput label={t('members.lookupEmail')} type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} style={{ flex: 1 }} />
            <Button type="submit" variant="light" loading={lookup.isPending}>
              {t('members.find')}
            </Button>
          </Group>
        </form>
        {lookup.isError && <ErrorAlert error={lookup.error} />}
        {addedName && <Alert color="green">{t('members.added', { name: addedName })}</Alert>}
        {person && (
          <Stack data-testid="lookup-result">
            <Text>
              <strong>{person.displayName}</strong> · {person.email} · {person.organisation} · {person.country}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label={t('members.party')}
                required
                data={parties.map((party) => ({ value: party.id, label: party.name }))}
                value={chosenParty}
                onChange={setPartyId}
                error={fieldError('partyId')}
              />
              <Select
                label={t('members.role')}
                required
                data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                value={chosenRole}
                onChange={(value) => value && setRole(value as JitRole)}
                allowDeselect={false}
                error={fieldError('role')}
              />
              <DateField label={t('members.accessExpiry')} description={t('members.accessExpiryHelp')} value={expiry} onChange={setExpiry} error={fieldError('accessExpiresAt')} />
            </SimpleGrid>
            <ErrorAlert error={add.error} shownFields={['partyId', 'role', 'accessExpiresAt']} />
            <Group>
              <Button onClick={submit} loading={add.isPending} disabled={!chosenParty}>
                {t('members.add')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
