import { Alert, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../components/confirm-button';
import { InstantText } from '../../../components/date-text';
import { ErrorAlert } from '../../../components/error-alert';
import { PageLoader } from '../../../components/page-state';
import { useIssueRecoveryCodes, useRefreshAccount, useRemoveSecondFactor, useSecondFactors } from '../api/second-factors';
import { RecoveryCodesAlert } from './recovery-codes';
import { TotpEnrolmentFlow } from './totp-enrolment';

const TITLE_ID = 'second-factor-title';

/** The account's second factors: what is enrolled, who requires one, recovery codes, adding and removing. */
export function SecondFactorPanel() {
  const { t } = useTranslation();
  const overview = useSecondFactors();
  const remove = useRemoveSecondFactor();
  const renew = useIssueRecoveryCodes();
  const refreshAccount = useRefreshAccount();
  const factors = overview.data?.factors ?? [];
  const required = overview.data && (overview.data.requiredByPlatform || overview.data.requiredByJits.length > 0);

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={TITLE_ID}>
      <Stack>
        <div>
          <Title order={3} id={TITLE_ID}>
            {t('secondFactor.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('secondFactor.intro')}
          </Text>
        </div>
        {overview.isPending && <PageLoader />}
        <ErrorAlert error={overview.error} />
        {overview.data?.requiredByPlatform && <Alert color="blue">{t('secondFactor.requiredByPlatform')}</Alert>}
        {overview.data && overview.data.requiredByJits.length > 0 && (
          <Alert color="blue">{t('secondFactor.requiredByJits', { titles: overview.data.requiredByJits.map((jit) => jit.title).join(', ') })}</Alert>
        )}
        {overview.data && factors.length === 0 && <Text>{t('secondFactor.none')}</Text>}
        {factors.length > 0 && (
          <Table.ScrollContainer minWidth={560}>
            <Table striped data-testid="second-factors">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('secondFactor.label')}</Table.Th>
                  <Table.Th>{t('secondFactor.addedAt')}</Table.Th>
                  <Table.Th>{t('secondFactor.lastUsedAt')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {factors.map((factor) => (
                  <Table.Tr key={factor.id}>
                    <Table.Td>
                      {factor.label}
                      <Text size="xs" c="dimmed">
                        {t(`secondFactor.kinds.${factor.kind}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <InstantText value={factor.createdAt} />
                    </Table.Td>
                    <Table.Td>{factor.lastUsedAt ? <InstantText value={factor.lastUsedAt} /> : t('secondFactor.neverUsed')}</Table.Td>
                    <Table.Td>
                      <ConfirmButton
                        size="xs"
                        color="red"
                        variant="light"
                        label={t('secondFactor.remove')}
                        aria-label={t('secondFactor.removeOf', { label: factor.label })}
                        title={t('secondFactor.removeConfirmTitle')}
                        message={factors.length === 1 ? t('secondFactor.removeLastMessage') : t('secondFactor.removeMessage', { label: factor.label })}
                        confirmLabel={t('secondFactor.remove')}
                        loading={remove.isPending && remove.variables === factor.id}
                        onConfirm={() => remove.mutate(factor.id)}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <ErrorAlert error={remove.error} />
        {required && factors.length === 1 && <Text size="sm">{t('secondFactor.lastRequired')}</Text>}
        {factors.length > 0 && (
          <Group>
            <Text size="sm" data-testid="recovery-codes-left">
              {t('secondFactor.recoveryCodesLeft', { count: overview.data?.recoveryCodesLeft ?? 0 })}
            </Text>
            <ConfirmButton
              size="xs"
              variant="light"
              label={t('secondFactor.renewCodes')}
              title={t('secondFactor.renewCodes')}
              message={t('secondFactor.renewCodesMessage')}
              confirmLabel={t('secondFactor.renewCodes')}
              loading={renew.isPending}
              onConfirm={() => renew.mutate()}
            />
          </Group>
        )}
        <ErrorAlert error={renew.error} />
        {renew.data && <RecoveryCodesAlert codes={renew.data.recoveryCodes} onDone={() => renew.reset()} />}
        <TotpEnrolmentFlow onDone={() => void refreshAccount()} />
      </Stack>
    </Paper>
  );
}
