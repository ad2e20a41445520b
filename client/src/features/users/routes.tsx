import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../lib/auth';
import { CreateUserForm } from './components/create-user-form';
import { PlatformSecurity } from './components/platform-security';
import { UsersTable } from './components/users-table';

// The platform administrator's user screen, loaded on first visit (app/router.tsx): /admin/users.
export function AdminUsersRoute() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (!me.isPlatformAdmin) return <Alert color="red">{t('errors.forbidden')}</Alert>;
  return (
    <Stack>
      <Title order={2}>{t('users.title')}</Title>
      <PlatformSecurity />
      <CreateUserForm />
      <UsersTable />
    </Stack>
  );
}
