import { AppShell, Container } from '@mantine/core';
import { Outlet } from 'react-router';
import { browserTimeZone, TimeZoneContext } from '../lib/dates';
import { useMe } from '../lib/auth';
import { TopBar } from './top-bar';

export function AppLayout() {
  const { data: me } = useMe();
  return (
    <TimeZoneContext.Provider value={me?.timeZone ?? browserTimeZone()}>
      <AppShell header={{ height: 56 }} padding="md">
        <AppShell.Header>
          <TopBar />
        </AppShell.Header>
        <AppShell.Main>
          <Container size="xl">
            <Outlet />
          </Container>
        </AppShell.Main>
      </AppShell>
    </TimeZoneContext.Provider>
  );
}
