import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CreateJitForm } from '../../features/jits/components/create-jit-form';
import { JitList } from '../../features/jits/components/jit-list';
import { useCurrentUser } from '../../lib/auth';

export function JitListRoute() {
  return <JitList me={useCurrentUser()} />;
}

export function CreateJitRoute() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  if (!me.isPlatformAdmin) return <Alert color="red">{t('errors.forbidden')}</Alert>;
  return <CreateJitForm onCreated={(jit) => navigate(`/jits/${jit.id}`)} />;
}
