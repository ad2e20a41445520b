import { Badge, Code, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ActiveSession } from '@jit/shared';
import { useTranslation } from 'react-i18next';
import { formatInstant, useTimeZone } from '../../../lib/dates';
import { ConfirmButton } from '../../../components/confirm-button';
import { InstantText } from '../../../components/date-text';
import { ErrorAlert } from '../../../components/error-alert';
import { PageLoader } from '../../../components/page-state';
import { useEndSession, useSessions } from '../api/sessions';
import { describeDevice } from '../utils/device';

const TITLE_ID = 'sessions-title';

function DeviceName({ session }: { session: ActiveSession }) {
  const { t } = useTranslation();
  const { browser, system } = describeDevice(session.userAgent);
  if (!browser && !system) return <>{t('sessions.unknownDevice')}</>;
  return <>{browser && system ? t('sessions.browserOn', { browser, system }) : (browser ?? system)}</>;
}

/** Where the person is signed in: each live session, and ending any of them but this one. */
export function SessionsPanel() {
  const { t, i18n } = useTranslation();
  const timeZone = useTimeZone();
  const sessions = useSessions();
  const end = useEndSession();
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={TITLE_ID}>
      <Stack>
        <div>
          <Title order={3} id={TITLE_ID}>
            {t('sessions.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('sessions.intro')}
          </Text>
        </div>
        {sessions.isPending && <PageLoader />}
        <ErrorAlert error={sessions.error} />
        <ErrorAlert error={end.error} />
        {sessions.data && (
          <Table.ScrollContainer minWidth={640}>
            <Table striped data-testid="sessions">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('sessions.device')}</Table.Th>
                  <Table.Th>{t('sessions.address')}</Table.Th>
                  <Table.Th>{t('sessions.signedInAt')}</Table.Th>
                  <Table.Th>{t('sessions.lastActiveAt')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sessions.data.map((session) => (
                  <Table.Tr key={session.id}>
                    <Table.Td>
                      <DeviceName session={session} />
                      {session.current && (
                        <Badge ml="xs" variant="light">
                          {t('sessions.thisBrowser')}
                        </Badge>
                      )}
                      {session.awaitingSecondFactor && (
                        <Badge ml="xs" variant="light" color="orange">
                          {t('sessions.awaitingCode')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{session.ip ? <Code>{session.ip}</Code> : t('sessions.unknownAddress')}</Table.Td>
                    <Table.Td>
                      <InstantText value={session.signedInAt} />
                    </Table.Td>
                    <Table.Td>
                      <InstantText value={session.lastActiveAt} />
                    </Table.Td>
                    <Table.Td>
                      {!session.current && (
                        <ConfirmButton
                          size="xs"
                          color="red"
                          variant="light"
                          label={t('sessions.end')}
                          aria-label={t('sessions.endOf', { signedInAt: formatInstant(session.signedInAt, timeZone, i18n.language) })}
                          title={t('sessions.endConfirmTitle')}
                          message={t('sessions.endConfirmMessage')}
                          confirmLabel={t('sessions.end')}
                          loading={end.isPending && end.variables === session.id}
                          onConfirm={() => end.mutate(session.id)}
                        />
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
