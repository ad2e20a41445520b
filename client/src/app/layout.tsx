import { AppShell, Container } from '@mantine/core';
import { Outlet } from 'react-router';
import { MAIN_CONTENT_ID, SkipLink } from '../components/skip-link';
import { browserTimeZone, TimeZoneContext } from '../lib/dates';
import { useMe } from '../lib/auth';
import { useFocusOnRouteChange } from './route-focus';
import { StepUpDialog } from './step-up-dialog';
import { TopBar } from './top-bar';
import { ZoneHint } from './zone-hint';

export function AppLayout() {
  const { data: me } = useMe();
  useFocusOnRouteChange();
  return (
    <TimeZoneContext.Provider value={me?.timeZone ?? browserTimeZone()}>
      <AppShell header={{ height: 56 }} padding="md">
        <AppShell.Header>
          <SkipLink />
          <TopBar />
        </AppShell.Header>
        {/* Focusable by script only (the skip link, a change of screen), so no outline marks a click on the page. */}
        <AppShell.Main id={MAIN_CONTENT_ID} tabIndex={-1} style={{ outline: 'none' }}>
          <Container size="xl">
            {me && <ZoneHint profileZone={me.timeZone} />}
            <Outlet />
          </Container>
          {me && <StepUpDialog hasSecondFactor={me.secondFactor.enrolled} />}
        </AppShell.Main>
      </AppShell>
    </TimeZoneContext.Provider>
  );
}
