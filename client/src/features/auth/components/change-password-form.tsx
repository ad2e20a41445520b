import { Alert, Button, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { LIMITS } from '@jit/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useFieldErrors } from '../../../lib/field-errors';
import { useChangePassword } from '../api/auth';

export function ChangePasswordForm({ forced, onDone }: { forced: boolean; onDone?: () => void }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const fieldError = useFieldErrors(change.error);
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const mismatch = confirm.length > 0 && confirm !== newPassword;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (newPassword !== confirm) return;
    change.mutate({ currentPassword, newPassword }, { onSuccess: () => onDone?.() });
  };

  return (
    <Paper withBorder p="lg" maw={460} mx="auto" mt="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2}>{t('auth.changePasswordTitle')}</Title>
          {forced && <Alert color="yellow">{t('auth.mustChangePassword')}</Alert>}
          {change.isSuccess && !forced && <Alert color="green">{t('auth.passwordChanged')}</Alert>}
          <PasswordInput
            label={t('fields.currentPassword')}
            required
            value={currentPassword}
            onChange={(e) => setCurrentPassword(e.currentTarget.value)}
            error={fieldError('currentPassword')}
            autoComplete="current-password"
          />
          <PasswordInput
            label={t('fields.newPassword')}
            description={t('auth.passwordRule', { min: LIMITS.passwordMin })}
            required
            value={newPassword}
            onChange={(e) => setNewPassword(e.currentTarget.value)}
            error={fieldError('newPassword')}
            autoComplete="new-password"
          />
          <PasswordInput
            label={t('fields.confirmNewPassword')}
            required
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={mismatch ? t('auth.passwordsDiffer') : undefined}
            autoComplete="new-password"
          />
          <ErrorAlert error={change.error} shownFields={['currentPassword', 'newPassword']} />
          <Button type="submit" loading={change.isPending} disabled={mismatch}>
            {t('auth.changePassword')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
