import { AccountSettings } from '../../features/account/components/account-settings';
import { useCurrentUser } from '../../lib/auth';

export const AccountRoute = () => <AccountSettings me={useCurrentUser()} />;
