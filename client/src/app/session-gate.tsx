import { Container } from '@mantine/core';
import { useEffect } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorAlert } from '../components/error-alert';
import { PageLoader } from '../components/page-state';
import { useSetupStatus } from '../features/setup';
import { enrolmentRequestDismissed, SignedInUserContext, useMe } from '../lib/auth';
import { i18n } from '../lib/i18n';

const PUBLIC_PATHS = ['/setup', '/login'];
const CODE_STEP = '/sign-in/code';
const ENROLMENT_STEP = '/sign-in/second-factor';
/** Screens of a sign-in that is not done; once it is, they lead on to the JITs. */
const SIGN_IN_STEPS = [...PUBLIC_PATHS, CODE_STEP, ENROLMENT_STEP];

/**
 * Decides where the visitor belongs: setup, login, the second factor's code, the forced password
 * change, the enrolment of a second factor the platform requires (or a JIT asks for), or the
 * requested screen.
 */
export function SessionGate() {
  const location = useLocation();
  const setup = useSetupStatus();
  const me = useMe();
  const language = me.data?.language;

  // After login the account's language wins over the browser's.
  useEffect(() => {
    if (language && i18n.language !== language) void i18n.changeLanguage(language);
  }, [language]);

  if (setup.isPending || me.isPending) return <PageLoader />;
  if (setup.isError || me.isError) {
    return (
      <Container py="xl">
        <ErrorAlert error={setup.error ?? me.error} />
      </Container>
    );
  }

  const path = location.pathname;
  let target: string | null = null;
  if (setup.data.needsSetup) target = path === '/setup' ? null : '/setup';
  else if (!me.data) target = path === '/login' ? null : '/login';
  else if (me.data.secondFactor.pending) target = path === CODE_STEP ? null : CODE_STEP;
  else if (me.data.mustChangePassword) target = path === '/change-password' ? null : '/change-password';
  else if (me.data.secondFactor.enrolmentRequired || (me.data.secondFactor.enrolmentRequested && !enrolmentRequestDismissed()))
    target = path === ENROLMENT_STEP ? null : ENROLMENT_STEP;
  else if (SIGN_IN_STEPS.includes(path)) target = '/jits';

  if (target) return <Navigate to={target} replace />;
  // The screens below take the account from here (useCurrentUser), so they never outlive this decision.
  return (
    <SignedInUserContext.Provider value={me.data}>
      <Outlet />
    </SignedInUserContext.Provider>
  );
}
