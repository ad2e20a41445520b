import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import type { StepUpRequest } from '@jit/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeField } from '../components/code-field';
import { ErrorAlert } from '../components/error-alert';
import { apiRequest } from '../lib/api-client';
import { useFieldErrors } from '../lib/field-errors';
import { accountKeys } from '../lib/query-keys';
import { registerStepUpHandler } from '../lib/step-up';

/**
 * Asks the signed-in person to confirm it is them when a sensitive action needs it (lib/step-up.ts):
 * the code of their authenticator app or a recovery code, or their password if they have no second
 * factor. The action goes on by itself once confirmed; cancelling gives the action its refusal.
 */
export function StepUpDialog({ hasSecondFactor }: { hasSecondFactor: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const settle = useRef<((confirmed: boolean) => void) | null>(null);
  const fieldError = useFieldErrors(error);
  const field = hasSecondFactor ? 'code' : 'password';

  useEffect(
    () =>
      registerStepUpHandler(
        () =>
          new Promise<boolean>((resolve) => {
            settle.current = resolve;
            setValue('');
            setError(null);
            setOpened(true);
          }),
      ),
    [],
  );

  const finish = (confirmed: boolean) => {
    setOpened(false);
    settle.current?.(confirmed);
    settle.current = null;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const body: StepUpRequest = hasSecondFactor ? { code: value.trim() } : { password: value };
      await apiRequest<void>('/auth/step-up', { method: 'POST', body });
      // A recovery code may have been spent, and the factor was just used.
      void queryClient.invalidateQueries({ queryKey: accountKeys.secondFactors });
      finish(true);
    } catch (cause) {
      setError(cause);
      setValue('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={() => finish(false)} title={t('stepUp.title')} centered>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          <Text size="sm">{hasSecondFactor ? t('stepUp.introCode') : t('stepUp.introPassword')}</Text>
          {hasSecondFactor ? (
            <CodeField
              label={t('secondFactor.code')}
              description={t('secondFactor.codeHelp')}
              value={value}
              onChange={(e) => setValue(e.currentTarget.value)}
              error={fieldError(field)}
              data-autofocus
            />
          ) : (
            <PasswordInput
              label={t('fields.password')}
              required
              value={value}
              onChange={(e) => setValue(e.currentTarget.value)}
              error={fieldError(field)}
              autoComplete="current-password"
              data-autofocus
            />
          )}
          <ErrorAlert error={error} shownFields={[field]} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => finish(false)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={value.trim() === ''}>
              {t('stepUp.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
