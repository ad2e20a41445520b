import { Button, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useLogin } from '../api/auth';

export function LoginForm() {
  const { t } = useTranslation();
  const loginMutation = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    loginMutation.mutate({ email: email.trim(), password });
  };

  return (
    <Paper withBorder p="lg" maw={420} mx="auto" mt="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2}>{t('auth.loginTitle')}</Title>
          <TextInput label={t('fields.email')} type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} autoComplete="username" />
          <PasswordInput label={t('fields.password')} required value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="current-password" />
          <ErrorAlert error={loginMutation.error} />
          <Button type="submit" loading={loginMutation.isPending}>
            {t('auth.login')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
