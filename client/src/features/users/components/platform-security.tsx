import { Paper, Stack, Switch, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { PageLoader } from '../../../components/page-state';
import { usePlatformSettings, useUpdatePlatformSettings } from '../api/platform-settings';

/** The platform administrator's security settings: a second factor required of everyone. */
export function PlatformSecurity() {
  const { t } = useTranslation();
  const settings = usePlatformSettings();
  const update = useUpdatePlatformSettings();
  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Title order={3}>{t('users.security.title')}</Title>
        {settings.isPending && <PageLoader />}
        <ErrorAlert error={settings.error} />
        {settings.data && (
          <Switch
            label={t('users.security.requireSecondFactor')}
            description={t('users.security.requireSecondFactorHelp')}
            checked={settings.data.secondFactorRequired}
            disabled={update.isPending}
            onChange={(event) => update.mutate({ secondFactorRequired: event.currentTarget.checked })}
          />
        )}
        <ErrorAlert error={update.error} />
      </Stack>
    </Paper>
  );
}
