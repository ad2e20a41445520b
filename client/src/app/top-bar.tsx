import { Anchor, Badge, Burger, Button, Group, Menu, NativeSelect, Text } from '@mantine/core';
import { LANGUAGES, type Language, type Me } from '@jit/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useUpdateProfile } from '../features/account';
import { useLogout } from '../features/auth';
import { NotificationBell, NotificationToasts } from '../features/notifications';
import { isSignedInFully, useMe } from '../lib/auth';
import { isLanguage, languageAutonym } from '../lib/i18n';
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

/** A page the top bar leads to. */
interface Destination {
  to: string;
  label: string;
  /** Stays in the bar on phones; every other destination moves to the phone menu there. */
  keepOnPhones?: boolean;
}

/** The one list of destinations: rendered in the bar from `sm` up, and in the phone menu below it. */
function useDestinations(me: Me | null | undefined): Destination[] {
  const { t } = useTranslation();
  if (!isSignedInFully(me)) return [];
  return [
    // The way home fits beside the product name and the connection status even on a phone.
    { to: '/jits', label: t('app.nav.myJits'), keepOnPhones: true },
    { to: '/tasks', label: t('app.nav.myTasks') },
    { to: '/account', label: t('app.nav.account') },
    ...(me.isPlatformAdmin ? [{ to: '/admin/users', label: t('app.nav.admin') }] : []),
  ];
}

/** The interface language, switched from the bar or the phone menu alike. */
function useLanguageSwitch(me: Me | null | undefined): { current: Language; switchTo: (value: string) => void } {
  const { i18n } = useTranslation();
  const updateProfile = useUpdateProfile();
  const switchTo = (value: string) => {
    if (!isLanguage(value)) return;
    void i18n.changeLanguage(value);
    // Saved to the account so the next session starts in the same language.
    if (isSignedInFully(me) && me.language !== value) updateProfile.mutate({ language: value });
  };
  return { current: isLanguage(i18n.language) ? i18n.language : 'en', switchTo };
}

interface PhoneMenuProps {
  me: Me;
  destinations: Destination[];
  language: ReturnType<typeof useLanguageSwitch>;
  onLogout: () => void;
}

/** Below `sm`: everything the bar has no room for, behind a burger (a Mantine Menu, so arrows, Escape and focus return work). */
function PhoneMenu({ me, destinations, language, onLogout }: PhoneMenuProps) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <Menu opened={opened} onChange={setOpened} position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <Burger hiddenFrom="sm" size="sm" opened={opened} aria-label={t('app.phoneMenu')} data-testid="phone-menu" />
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.displayName}</Menu.Label>
        {destinations.map((destination) => (
          <Menu.Item key={destination.to} component={Link} to={destination.to}>
            {destination.label}
          </Menu.Item>
        ))}
        {destinations.length > 0 && <Menu.Divider />}
        <Menu.Label>{t('app.interfaceLanguage')}</Menu.Label>
        {LANGUAGES.map((code) => (
          <Menu.Item
            key={code}
            lang={code}
            aria-current={code === language.current ? 'true' : undefined}
            // A fixed width, so the names stay aligned whichever one carries the mark.
            leftSection={
              <Text component="span" w="1em" aria-hidden="true">
                {code === language.current ? '✓' : ''}
              </Text>
            }
            onClick={() => language.switchTo(code)}
          >
            {languageAutonym(code)}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item onClick={onLogout}>{t('app.logout')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

export function TopBar() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const destinations = useDestinations(me);
  const language = useLanguageSwitch(me);
  const logoutMutation = useLogout();
  const navigate = useNavigate();
  const logout = () => logoutMutation.mutate(undefined, { onSettled: () => void navigate('/login') });
  // Signed out there is no phone menu, so the language switch must stay in the bar at every width.
  const inBarFrom = me ? 'sm' : undefined;
  const signedIn = isSignedInFully(me);

  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="lg" wrap="nowrap">
        <Anchor component={Link} to="/" fw={700} size="lg" underline="never" style={{ whiteSpace: 'nowrap' }}>
          {t('app.productName')}
        </Anchor>
        {signedIn && <ConnectionStatus />}
        {destinations.length > 0 && (
          <Group gap="md" wrap="nowrap" component="nav" aria-label={t('app.mainNavigation')}>
            {destinations.map((destination) => (
              <Anchor key={destination.to} component={Link} to={destination.to} visibleFrom={destination.keepOnPhones ? undefined : 'sm'} style={{ whiteSpace: 'nowrap' }}>
                {destination.label}
              </Anchor>
            ))}
          </Group>
        )}
      </Group>
      <Group gap="sm" wrap="nowrap">
        {/* Not a destination: the bell stays in the bar at every width, beside the burger on phones. */}
        {signedIn && <NotificationBell />}
        {signedIn && <NotificationToasts />}
        {me && (
          <Text size="sm" data-testid="current-user" visibleFrom="sm">
            {me.displayName}
          </Text>
        )}
        <NativeSelect
          size="xs"
          visibleFrom={inBarFrom}
          aria-label={t('app.interfaceLanguage')}
          data={LANGUAGES.map((code) => ({ value: code, label: languageAutonym(code) }))}
          value={language.current}
          onChange={(e) => language.switchTo(e.currentTarget.value)}
        />
        {me && (
          <Button size="xs" variant="default" visibleFrom="sm" loading={logoutMutation.isPending} onClick={logout}>
            {t('app.logout')}
          </Button>
        )}
        {me && <PhoneMenu me={me} destinations={destinations.filter((destination) => !destination.keepOnPhones)} language={language} onLogout={logout} />}
      </Group>
    </Group>
  );
}
