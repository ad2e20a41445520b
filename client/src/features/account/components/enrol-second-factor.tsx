import { Alert, Button, Group, Paper, Stack, Title } from '@mantine/core';
import type { Me } from '@jit/shared';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { dismissEnrolmentRequest } from '../../../lib/auth';
import { useRefreshAccount } from '../api/second-factors';
import { TotpEnrolmentFlow } from './totp-enrolment';

/**
 * The sign-in step that asks for a second factor: required by the platform (no way round it), or
 * asked for by a JIT (the person may go on without, and that JIT stays closed to them).
 */
export function EnrolSecondFactor({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const refreshAccount = useRefreshAccount();
  const required = me.secondFactor.enrolmentRequired;

  const later = () => {
    dismissEnrolmentRequest();
    void navigate('/jits');
  };

  return (
    <Paper withBorder p="lg" maw={560} mx="auto" mt="xl">
      <Stack>
        <Title order={2}>{t('secondFactor.enrolTitle')}</Title>
        <Alert color={required ? 'yellow' : 'blue'}>{required ? t('secondFactor.enrolRequired') : t('secondFactor.enrolRequested')}</Alert>
        <TotpEnrolmentFlow onDone={() => void refreshAccount()} />
        {!required && (
          <Group>
            <Button variant="subtle" onClick={later}>
              {t('secondFactor.notNow')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
