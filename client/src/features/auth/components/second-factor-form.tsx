import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeField } from '../../../components/code-field';
import { ErrorAlert } from '../../../components/error-alert';
import { useFieldErrors } from '../../../lib/field-errors';
import { useCompleteSignIn, useLogout } from '../api/auth';

/** The second step of signing in: the code the authenticator app shows now, or a recovery code. */
export function SecondFactorForm() {
  const { t } = useTranslation();
  const complete = useCompleteSignIn();
  const logout = useLogout();
  const fieldError = useFieldErrors(complete.error);
  const [code, setCode] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    complete.mutate({ code: code.trim() }, { onError: () => setCode('') });
  };

  return (
    <Paper withBorder p="lg" maw={420} mx="auto" mt="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2}>{t('secondFactor.signInTitle')}</Title>
          <Text size="sm">{t('secondFactor.signInIntro')}</Text>
          <CodeField
            label={t('secondFactor.code')}
            description={t('secondFactor.codeHelp')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={fieldError('code')}
          />
          <ErrorAlert error={complete.error} shownFields={['code']} />
          <Group justify="space-between">
            <Button variant="subtle" onClick={() => logout.mutate()} loading={logout.isPending}>
              {t('secondFactor.cancelSignIn')}
            </Button>
            <Button type="submit" loading={complete.isPending} disabled={code.trim() === ''}>
              {t('secondFactor.verify')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
