import { Alert, Badge, Button, Code, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { Jit, Me } from '@jit/shared';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateOnlyText, InstantText } from '../../../components/date-text';
import { ConfirmButton } from '../../../components/confirm-button';
import { ErrorAlert } from '../../../components/error-alert';
import { countryName, languageName } from '../../../lib/countries';
import { jitAccess } from '../../../lib/permissions';
import { formatBytes, IntegrityAlert } from '../../evidence';
import { OnlineNow } from '../../presence';
import { useActivateJit, useCloseJit } from '../api/jits';
import { EditJitForm } from './edit-jit-form';
import { ExtensionsPanel } from './extensions-panel';
import { SecondFactorRequirement } from './second-factor-requirement';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}

export function JitOverview({ jit, me }: { jit: Jit; me: Me }) {
  const { t, i18n } = useTranslation();
  const access = jitAccess(jit, me);
  const activate = useActivateJit(jit.id);
  const close = useCloseJit(jit.id);
  const language = i18n.language;
  const [editing, setEditing] = useState(false);
  const canEdit = jit.status !== 'closed' && access.can('jit.update');

  return (
    <Stack>
      {jit.expired && jit.status !== 'closed' && (
        <Alert color="orange" title={t('jits.expiredTitle')} data-testid="jit-expired">
          {t('jits.expiredMessage')}
        </Alert>
      )}
      <IntegrityAlert jit={jit} me={me} />
      <Group>
        {jit.status === 'draft' && access.can('jit.activate') && (
          <Button onClick={() => activate.mutate()} loading={activate.isPending} color="green">
            {t('jits.activate')}
          </Button>
        )}
        {jit.status !== 'closed' && access.can('jit.close') && (
          <ConfirmButton
            color="red"
            variant="light"
            label={t('jits.close')}
            title={t('jits.closeConfirmTitle')}
            message={t('jits.closeConfirmMessage', { reference: jit.reference })}
            confirmLabel={t('jits.closeConfirm')}
            onConfirm={() => close.mutate()}
            loading={close.isPending}
          />
        )}
      </Group>
      <ErrorAlert error={activate.error ?? close.error} />
      {/* Presence is for members: the server answers it from the JIT's room, which only they join. */}
      {jit.myMembership && <OnlineNow jit={jit} me={me} />}

      <Paper withBorder p="md">
        <Group justify="space-between" mb="sm">
          <Title order={3}>{t('jits.agreement')}</Title>
          {canEdit && !editing && (
            <Button variant="light" onClick={() => setEditing(true)}>
              {t('jits.editAgreement')}
            </Button>
          )}
        </Group>
        {canEdit && editing && (
          <Paper withBorder p="md" mb="md">
            <EditJitForm jit={jit} onDone={() => setEditing(false)} />
          </Paper>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }} mb="md">
          <Fact label={t('fields.startDate')}>
            <DateOnlyText value={jit.startDate} />
          </Fact>
          <Fact label={t('fields.endDate')}>
            <DateOnlyText value={jit.endDate} />
          </Fact>
          <Fact label={t('jits.effectiveEndDate')}>
            <span data-testid="effective-end-date">
              <DateOnlyText value={jit.effectiveEndDate} />
            </span>
          </Fact>
          <Fact label={t('fields.workingLanguage')}>{languageName(jit.workingLanguage, language)}</Fact>
          <Fact label={t('fields.statesOfOperation')}>{jit.statesOfOperation.map((code) => countryName(code, language)).join(', ')}</Fact>
          <Fact label={t('jits.createdAt')}>
            <InstantText value={jit.createdAt} />
          </Fact>
          {jit.activatedAt && (
            <Fact label={t('jits.activatedAt')}>
              <InstantText value={jit.activatedAt} />
            </Fact>
          )}
          {jit.closedAt && (
            <Fact label={t('jits.closedAt')}>
              <InstantText value={jit.closedAt} />
            </Fact>
          )}
          <Fact label={t('jits.uploadSettings.maxUpload')}>
            <span data-testid="jit-max-upload" title={t('jits.uploadSettings.bytes', { bytes: new Intl.NumberFormat(language).format(jit.maxUploadBytes) })}>
              {formatBytes(jit.maxUploadBytes, language)}
            </span>
          </Fact>
          <Fact label={t('jits.uploadSettings.blockedTypes')}>
            <Group gap={4} data-testid="jit-blocked-types">
              {(jit.blockedTypes ?? []).length === 0 ? (
                <Text c="dimmed">{t('jits.uploadSettings.noBlockedTypes')}</Text>
              ) : (
                jit.blockedTypes.map((type) => <Code key={type}>{type}</Code>)
              )}
            </Group>
          </Fact>
        </SimpleGrid>
        <Stack gap="sm">
          <Fact label={t('fields.purpose')}>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{jit.purpose}</Text>
          </Fact>
          <Fact label={t('fields.legalBasis')}>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{jit.legalBasis}</Text>
          </Fact>
        </Stack>
      </Paper>

      <Paper withBorder p="md">
        <Title order={3} mb="sm">
          {t('jits.parties')}
        </Title>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('jits.partyKind')}</Table.Th>
              <Table.Th>{t('fields.country')}</Table.Th>
              <Table.Th>{t('jits.partyName')}</Table.Th>
              <Table.Th>{t('jits.partyAuthority')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {jit.parties.map((party) => (
              <Table.Tr key={party.id}>
                <Table.Td>{t(`partyKinds.${party.kind}`)}</Table.Td>
                <Table.Td>{party.country ? countryName(party.country, language) : '—'}</Table.Td>
                <Table.Td>
                  {party.name}
                  {party.isLead && (
                    <Badge ms="xs" color="indigo">
                      {t('jits.lead')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{party.authority}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>

      <Paper withBorder p="md">
        <ExtensionsPanel jit={jit} canExtend={access.can('jit.extend')} />
      </Paper>

      <Paper withBorder p="md">
        <Title order={3} mb="sm">
          {t('jits.secondFactor.title')}
        </Title>
        <SecondFactorRequirement jit={jit} canChange={access.can('jit.update')} />
      </Paper>
    </Stack>
  );
}
