import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '../../lib/auth';
import { CreateJitForm } from './components/create-jit-form';
import { JitList } from './components/jit-list';
import { JitOverview } from './components/jit-overview';
import { useJitContext } from './hooks/use-jit-context';

// The JIT feature's screens, loaded on first visit (app/router.tsx): /jits, /jits/new, /jits/:jitId.
export { JitLayout } from './components/jit-layout';

export function JitListRoute() {
  return <JitList me={useCurrentUser()} />;
}

export function CreateJitRoute() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  if (!me.isPlatformAdmin) return <Alert color="red">{t('errors.forbidden')}</Alert>;
  return <CreateJitForm onCreated={(jit) => void navigate(`/jits/${jit.id}`)} />;
}

export function JitOverviewRoute() {
  return <JitOverview jit={useJitContext()} me={useCurrentUser()} />;
}
