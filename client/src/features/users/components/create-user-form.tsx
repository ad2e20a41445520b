import { Alert, Button, Group, Paper, PasswordInput, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { LANGUAGES, LIMITS, type CreateUserRequest } from '@jit/shared';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { countryOptions } from '../../../lib/countries';
import { browserTimeZone, TIME_ZONES } from '../../../lib/dates';
import { useFieldErrors } from '../../../lib/field-errors';
import { isLanguage, languageAutonym } from '../../../lib/i18n';
import { useCreateUser } from '../api/users';

const emptyAccount = (): CreateUserRequest => ({
  email: '',
  displayName: '',
  organisation: '',
  country: '',
  language: 'en',
  timeZone: browserTimeZone(),
  initialPassword: '',
});

export function CreateUserForm() {
  const { t, i18n } = useTranslation();
  const create = useCreateUser();
  const fieldError = useFieldErrors(create.error);
  const [form, setForm] = useState<CreateUserRequest>(emptyAccount);
  const [createdEmail, setCreatedEmail] = useState<string | null>(null);
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);

  const set = <K extends keyof CreateUserRequest>(key: K, value: CreateUserRequest[K]) => setForm((previous) => ({ ...previous, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCreatedEmail(null);
    create.mutate(
      { ...form, email: form.email.trim(), displayName: form.displayName.trim(), organisation: form.organisation.trim() },
      {
        onSuccess: (account) => {
          setCreatedEmail(account.email);
          setForm(emptyAccount());
        },
      },
    );
  };

  return (
    <Paper withBorder p="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={3}>{t('users.createTitle')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('fields.email')}
              type="email"
              required
              maxLength={LIMITS.emailMax}
              value={form.email}
              onChange={(e) => set('email', e.currentTarget.value)}
              error={fieldError('email')}
            />
            <TextInput
              label={t('fields.displayName')}
              required
              maxLength={LIMITS.displayNameMax}
              value={form.displayName}
              onChange={(e) => set('displayName', e.currentTarget.value)}
              error={fieldError('displayName')}
            />
            <TextInput
              label={t('fields.organisation')}
              required
              maxLength={LIMITS.organisationMax}
              value={form.organisation}
              onChange={(e) => set('organisation', e.currentTarget.value)}
              error={fieldError('organisation')}
            />
            <Select
              label={t('fields.country')}
              required
              searchable
              data={countries}
              value={form.country || null}
              onChange={(value) => set('country', value ?? '')}
              error={fieldError('country')}
            />
            <Select
              label={t('account.language')}
              data={LANGUAGES.map((code) => ({ value: code, label: languageAutonym(code) }))}
              value={form.language}
              onChange={(value) => isLanguage(value) && set('language', value)}
              allowDeselect={false}
              error={fieldError('language')}
            />
            <Select
              label={t('account.timeZone')}
              searchable
              data={[...TIME_ZONES]}
              value={form.timeZone}
              onChange={(value) => value && set('timeZone', value)}
              allowDeselect={false}
              error={fieldError('timeZone')}
            />
            <PasswordInput
              label={t('fields.initialPassword')}
              description={t('auth.passwordRule', { min: LIMITS.passwordMin })}
              required
              value={form.initialPassword}
              onChange={(e) => set('initialPassword', e.currentTarget.value)}
              error={fieldError('initialPassword')}
              autoComplete="new-password"
            />
          </SimpleGrid>
          {createdEmail && <Alert color="green">{t('users.created', { email: createdEmail })}</Alert>}
          <ErrorAlert error={create.error} shownFields={Object.keys(form)} />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('users.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
