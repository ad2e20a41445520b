import { Stack } from '@mantine/core';
import { NotificationPreferencesPanel } from '../notifications';
import { useCurrentUser } from '../../lib/auth';
import { AccountSettings } from './components/account-settings';
import { ApiTokensPanel } from './components/api-tokens-panel';
import { EnrolSecondFactor } from './components/enrol-second-factor';
import { SecondFactorPanel } from './components/second-factor-panel';
import { SessionsPanel } from './components/sessions-panel';

// The account screens, loaded on first visit (app/router.tsx): /account, /sign-in/second-factor.
export const AccountRoute = () => (
  <Stack>
    <AccountSettings me={useCurrentUser()} />
    <SecondFactorPanel />
    <SessionsPanel />
    <NotificationPreferencesPanel />
    <ApiTokensPanel />
  </Stack>
);

export const EnrolSecondFactorRoute = () => <EnrolSecondFactor me={useCurrentUser()} />;
