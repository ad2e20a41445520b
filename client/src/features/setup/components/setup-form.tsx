import { Alert, Button, Code, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { LIMITS } from '@jit/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useFieldErrors } from '../../../lib/field-errors';
import { useCompleteSetup } from '../api/setup';

/** First run: creates the platform administrator with the token the server printed at start. */
export function SetupForm() {
  const { t } = useTranslation();
  const setup = useCompleteSetup();
  const fieldError = useFieldErrors(setup.error);
  const [setupToken, setSetupToken] = useState('');
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const mismatch = confirm.length > 0 && confirm !== password;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password !== confirm) return;
    setup.mutate({ setupToken: setupToken.trim(), email: email.trim(), displayName: displayName.trim(), password });
  };

  return (
    <Paper withBorder p="lg" maw={520} mx="auto" mt="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2}>{t('setup.title')}</Title>
          <Alert color="blue">
            {t('setup.tokenHelp')} <Code>Setup token: …</Code>
          </Alert>
          <TextInput
            label={t('setup.token')}
            required
            value={setupToken}
            maxLength={LIMITS.setupTokenMax}
            onChange={(e) => setSetupToken(e.currentTarget.value)}
            error={fieldError('setupToken')}
            autoComplete="off"
          />
          <TextInput
            label={t('fields.email')}
            type="email"
            required
            value={email}
            maxLength={LIMITS.emailMax}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fieldError('email')}
            autoComplete="username"
          />
          <TextInput
            label={t('fields.displayName')}
            required
            value={displayName}
            maxLength={LIMITS.displayNameMax}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            error={fieldError('displayName')}
          />
          <PasswordInput
            label={t('fields.password')}
            description={t('auth.passwordRule', { min: LIMITS.passwordMin })}
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldError('password')}
            autoComplete="new-password"
          />
          <PasswordInput
            label={t('fields.confirmPassword')}
            required
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={mismatch ? t('auth.passwordsDiffer') : undefined}
            autoComplete="new-password"
          />
          <ErrorAlert error={setup.error} shownFields={['setupToken', 'email', 'displayName', 'password']} />
          <Button type="submit" loading={setup.isPending} disabled={mismatch}>
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
