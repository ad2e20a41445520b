import { Stack } from '@mantine/core';
import { AccountSettings } from '../../features/account/components/account-settings';
import { ApiTokensPanel } from '../../features/account/components/api-tokens-panel';
import { NotificationPreferencesPanel } from '../../features/notifications/components/notification-preferences-panel';
import { useCurrentUser } from '../../lib/auth';

export const AccountRoute = () => (
  <Stack>
    <AccountSettings me={useCurrentUser()} />
    <NotificationPreferencesPanel />
    <ApiTokensPanel />
  </Stack>
);
