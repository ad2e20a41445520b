import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CreateUserForm } from '../../features/users/components/create-user-form';
import { UsersTable } from '../../features/users/components/users-table';
import { useCurrentUser } from '../../lib/auth';

export function AdminUsersRoute() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (!me.isPlatformAdmin) return <Alert color="red">{t('errors.forbidden')}</Alert>;
  return (
    <Stack>
      <Title order={2}>{t('users.title')}</Title>
      <CreateUserForm />
      <UsersTable />
    </Stack>
  );
}
