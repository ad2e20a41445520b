import { Badge, Button, Table, Title } from '@mantine/core';
import type { UserAccount } from '@jit/shared';
import { useTranslation } from 'react-i18next';
import { InstantText } from '../../../components/date-text';
import { ErrorAlert } from '../../../components/error-alert';
import { PageLoader } from '../../../components/page-state';
import { countryName } from '../../../lib/countries';
import { useUpdateUser, useUsers } from '../api/users';

export function UsersTable() {
  const { t, i18n } = useTranslation();
  const users = useUsers();
  const update = useUpdateUser();

  if (users.isPending) return <PageLoader />;
  if (users.isError) return <ErrorAlert error={users.error} />;

  const toggle = (user: UserAccount) => update.mutate({ userId: user.id, request: { disabled: !user.disabled } });

  return (
    <>
      <Title order={3}>{t('users.listTitle')}</Title>
      <ErrorAlert error={update.error} />
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fields.email')}</Table.Th>
            <Table.Th>{t('fields.displayName')}</Table.Th>
            <Table.Th>{t('fields.organisation')}</Table.Th>
            <Table.Th>{t('fields.country')}</Table.Th>
            <Table.Th>{t('users.status')}</Table.Th>
            <Table.Th>{t('users.lastLogin')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.data.map((user) => (
            <Table.Tr key={user.id} data-testid={`user-row-${user.email}`}>
              <Table.Td>{user.email}</Table.Td>
              <Table.Td>
                {user.displayName}
                {user.isPlatformAdmin && (
                  <Badge ms="xs" size="xs" variant="outline">
                    {t('users.admin')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{user.organisation}</Table.Td>
              <Table.Td title={user.country}>{countryName(user.country, i18n.language)}</Table.Td>
              <Table.Td>
                <Badge color={user.disabled ? 'red' : 'green'} variant="light">
                  {user.disabled ? t('users.disabled') : t('users.enabled')}
                </Badge>
                {user.mustChangePassword && (
                  <Badge ms="xs" color="yellow" variant="light">
                    {t('users.mustChangePassword')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{user.lastLoginAt ? <InstantText value={user.lastLoginAt} /> : t('users.neverLoggedIn')}</Table.Td>
              <Table.Td>
                {!user.isPlatformAdmin && (
                  <Button
                    size="xs"
                    variant="light"
                    color={user.disabled ? 'green' : 'red'}
                    loading={update.isPending && update.variables?.userId === user.id}
                    onClick={() => toggle(user)}
                    aria-label={t(user.disabled ? 'users.enableUser' : 'users.disableUser', { email: user.email })}
                  >
                    {user.disabled ? t('users.enable') : t('users.disable')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
