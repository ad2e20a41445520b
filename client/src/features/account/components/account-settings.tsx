import { Alert, Button, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { LANGUAGES, LIMITS, type Language, type Me } from '@jit/shared';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { TIME_ZONES } from '../../../lib/dates';
import { useFieldErrors } from '../../../lib/field-errors';
import { isLanguage, languageAutonym } from '../../../lib/i18n';
import { useUpdateProfile } from '../api/profile';

export function AccountSettings({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateProfile();
  const fieldError = useFieldErrors(update.error);
  const [displayName, setDisplayName] = useState(me.displayName);
  const [language, setLanguage] = useState<Language>(me.language);
  const [timeZone, setTimeZone] = useState(me.timeZone);
  // The top bar's language switch saves too; follow it so Save does not send the older choice back.
  useEffect(() => setLanguage(me.language), [me.language]);

  const changeLanguage = (value: string | null) => {
    if (!isLanguage(value)) return;
    setLanguage(value);
    // The interface follows the choice at once; saving makes it stick for the next session.
    void i18n.changeLanguage(value);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ displayName: displayName.trim(), language, timeZone });
  };

  return (
    <Paper withBorder p="lg" maw={560}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2}>{t('account.title')}</Title>
          <Text size="sm" c="dimmed">
            {me.email} · {me.organisation} · {me.country}
          </Text>
          <TextInput
            label={t('fields.displayName')}
            required
            value={displayName}
            maxLength={LIMITS.displayNameMax}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            error={fieldError('displayName')}
          />
          <Select
            label={t('account.language')}
            data={LANGUAGES.map((code) => ({ value: code, label: languageAutonym(code) }))}
            value={language}
            onChange={changeLanguage}
            allowDeselect={false}
            error={fieldError('language')}
          />
          <Select
            label={t('account.timeZone')}
            data={[...TIME_ZONES]}
            value={timeZone}
            onChange={(value) => value && setTimeZone(value)}
            searchable
            allowDeselect={false}
            error={fieldError('timeZone')}
          />
          {update.isSuccess && <Alert color="green">{t('common.saved')}</Alert>}
          <ErrorAlert error={update.error} shownFields={['displayName', 'language', 'timeZone']} />
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
          <Button component={Link} to="/change-password" variant="subtle">
            {t('auth.changePassword')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
