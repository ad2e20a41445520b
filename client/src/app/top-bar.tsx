import { Anchor, Badge, Button, Group, NativeSelect, Text } from '@mantine/core';
import { LANGUAGES } from '@jit/shared';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useUpdateProfile } from '../features/account/api/profile';
import { useLogout } from '../features/auth/api/auth';
import { useMe } from '../lib/auth';
import { isLanguage } from '../lib/i18n';
import { useConnectionState, type ConnectionState } from '../lib/realtime';

const CONNECTION_COLORS: Record<ConnectionState, string> = { online: 'green', reconnecting: 'yellow', offline: 'gray' };

/** Whether changes made by others arrive live; beside the product name, so it stays on small screens. */
function ConnectionStatus() {
  const { t } = useTranslation();
  const state = useConnectionState();
  const labels: Record<ConnectionState, { label: string; hint: string }> = {
    online: { label: t('app.connection.online'), hint: t('app.connection.hint.online') },
    reconnecting: { label: t('app.connection.reconnecting'), hint: t('app.connection.hint.reconnecting') },
    offline: { label: t('app.connection.offline'), hint: t('app.connection.hint.offline') },
  };
  return (
    <Badge
      variant="dot"
      color={CONNECTION_COLORS[state]}
      size="sm"
      role="status"
      title={labels[state].hint}
      data-testid="connection-status"
      data-state={state}
      style={{ flexShrink: 0 }}
    >
      {labels[state].label}
    </Badge>
  );
}

export function TopBar() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const updateProfile = useUpdateProfile();
  const logoutMutation = useLogout();
  const navigate = useNavigate();

  const switchLanguage = (value: string) => {
    if (!isLanguage(value)) return;
    void i18n.changeLanguage(value);
    // Saved to the account so the next session starts in the same language.
    if (me && !me.mustChangePassword && me.language !== value) updateProfile.mutate({ language: value });
  };

  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="lg" wrap="nowrap">
        <Anchor component={Link} to="/" fw={700} size="lg" underline="never">
          {t('app.productName')}
        </Anchor>
        {me && !me.mustChangePassword && <ConnectionStatus />}
        {me && !me.mustChangePassword && (
          <Group gap="md" component="nav" aria-label={t('app.mainNavigation')}>
            <Anchor component={Link} to="/jits">
              {t('app.nav.myJits')}
            </Anchor>
            {/* Not on phones: a third link would push the others out of the bar (reached there from each JIT's Tasks tab). */}
            <Anchor component={Link} to="/tasks" visibleFrom="sm">
              {t('app.nav.myTasks')}
            </Anchor>
            <Anchor component={Link} to="/account">
              {t('app.nav.account')}
            </Anchor>
            {me.isPlatformAdmin && (
              <Anchor component={Link} to="/admin/users">
                {t('app.nav.admin')}
              </Anchor>
            )}
          </Group>
        )}
      </Group>
      <Group gap="sm" wrap="nowrap">
        {me && (
          <Text size="sm" data-testid="current-user">
            {me.displayName}
          </Text>
        )}
        <NativeSelect
          size="xs"
          aria-label={t('app.interfaceLanguage')}
          data={LANGUAGES.map((code) => ({ value: code, label: t(`languages.${code}`) }))}
          value={isLanguage(i18n.language) ? i18n.language : 'en'}
          onChange={(e) => switchLanguage(e.currentTarget.value)}
        />
        {me && (
          <Button
            size="xs"
            variant="default"
            loading={logoutMutation.isPending}
            onClick={() => logoutMutation.mutate(undefined, { onSettled: () => navigate('/login') })}
          >
            {t('app.logout')}
          </Button>
        )}
      </Group>
    </Group>
  );
}
