import { Stack } from '@mantine/core';
import { AccountSettings } from '../../features/account/components/account-settings';
import { ApiTokensPanel } from '../../features/account/components/api-tokens-panel';
import { useCurrentUser } from '../../lib/auth';

export const AccountRoute = () => (
  <Stack>
    <AccountSettings me={useCurrentUser()} />
    <ApiTokensPanel />
  </Stack>
);
