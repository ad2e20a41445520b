import { Stack } from '@mantine/core';
import { NotificationPreferencesPanel } from '../notifications';
import { useCurrentUser } from '../../lib/auth';
import { AccountSettings } from './components/account-settings';
import { ApiTokensPanel } from './components/api-tokens-panel';

// The account screen, loaded on first visit (app/router.tsx): /account.
export const AccountRoute = () => (
  <Stack>
    <AccountSettings me={useCurrentUser()} />
    <NotificationPreferencesPanel />
    <ApiTokensPanel />
  </Stack>
);
