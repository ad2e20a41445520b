import { Alert, Badge, Button, Code, CopyButton, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { CreatedApiToken } from '@jit/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../components/confirm-button';
import { InstantText } from '../../../components/date-text';
import { ErrorAlert } from '../../../components/error-alert';
import { PageLoader } from '../../../components/page-state';
import { dateInputToInstant } from '../../../lib/dates';
import { useFieldErrors } from '../../../lib/field-errors';
import { tokenState, useApiTokens, useCreateApiToken, useRevokeApiToken, type ApiTokenState } from '../api/api-tokens';
import { DateField } from '../../../components/date-field';

const STATE_COLORS: Record<ApiTokenState, string> = { active: 'green', expired: 'gray', revoked: 'red' };
const todayUtc = () => new Date().toISOString().slice(0, 10);

/** The token, once, right after it was made: it is not kept anywhere else in the browser. */
function CreatedTokenAlert({ created, onDone }: { created: CreatedApiToken; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" title={t('account.tokens.createdTitle', { name: created.name })} data-testid="created-token">
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('account.tokens.shownOnce')}
        </Text>
        <Code block data-testid="created-token-value" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
          {created.token}
        </Code>
        <Group>
          <CopyButton value={created.token}>
            {({ copied, copy }) => (
              // Plain, not tinted: a light blue tint over the yellow alert reads just under 4.5:1.
              <Button size="xs" variant="default" onClick={copy}>
                {copied ? t('common.copied') : t('account.tokens.copy')}
              </Button>
            )}
          </CopyButton>
          <Button size="xs" variant="default" onClick={onDone}>
            {t('account.tokens.done')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('account.tokens.usage')}
        </Text>
      </Stack>
    </Alert>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (created: CreatedApiToken) => void }) {
  const { t } = useTranslation();
  const create = useCreateApiToken();
  const fieldError = useFieldErrors(create.error);
  const [name, setName] = useState('');
  const [expiry, setExpiry] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The token stays valid to the end of the chosen day, in UTC.
    create.mutate(
      { name: name.trim(), expiresAt: dateInputToInstant(expiry, true) ?? null },
      {
        onSuccess: (created) => {
          setName('');
          setExpiry('');
          onCreated(created);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={4}>{t('account.tokens.createTitle')}</Title>
        <Group align="flex-start" grow>
          <TextInput
            label={t('account.tokens.name')}
            description={t('account.tokens.nameHelp')}
            required
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError('name')}
          />
          <DateField
            label={t('account.tokens.expiry')}
            description={t('account.tokens.expiryHelp')}
            minDate={todayUtc()}
            value={expiry}
            onChange={setExpiry}
            error={fieldError('expiresAt')}
          />
        </Group>
        <ErrorAlert error={create.error} shownFields={['name', 'expiresAt']} />
        <Group>
          <Button type="submit" loading={create.isPending} disabled={name.trim() === ''}>
            {t('account.tokens.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Personal API tokens: list, create (the secret is shown once), revoke. */
export function ApiTokensPanel() {
  const { t } = useTranslation();
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  return (
    <Paper withBorder p="lg">
      <Stack>
        <div>
          <Title order={3}>{t('account.tokens.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('account.tokens.intro')}
          </Text>
        </div>
        {created && <CreatedTokenAlert created={created} onDone={() => setCreated(null)} />}
        <CreateTokenForm onCreated={setCreated} />
        <ErrorAlert error={tokens.error} />
        <ErrorAlert error={revoke.error} />
        {tokens.isPending && <PageLoader />}
        {tokens.data && tokens.data.length === 0 && <Text c="dimmed">{t('account.tokens.none')}</Text>}
        {tokens.data && tokens.data.length > 0 && (
          <Table.ScrollContainer minWidth={720}>
            <Table striped data-testid="api-tokens">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('account.tokens.name')}</Table.Th>
                  <Table.Th>{t('account.tokens.prefix')}</Table.Th>
                  <Table.Th>{t('account.tokens.createdAt')}</Table.Th>
                  <Table.Th>{t('account.tokens.lastUsedAt')}</Table.Th>
                  <Table.Th>{t('account.tokens.expiresAt')}</Table.Th>
                  <Table.Th>{t('account.tokens.status')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.data.map((token) => {
                  const state = tokenState(token);
                  return (
                    <Table.Tr key={token.id} data-testid={`api-token-row-${token.name}`} data-state={state}>
                      <Table.Td>{token.name}</Table.Td>
                      <Table.Td>
                        <Code>{token.prefix}…</Code>
                      </Table.Td>
                      <Table.Td>
                        <InstantText value={token.createdAt} />
                      </Table.Td>
                      <Table.Td>{token.lastUsedAt ? <InstantText value={token.lastUsedAt} /> : t('account.tokens.neverUsed')}</Table.Td>
                      <Table.Td>{token.expiresAt ? <InstantText value={token.expiresAt} /> : t('account.tokens.noExpiry')}</Table.Td>
                      <Table.Td>
                        <Badge color={STATE_COLORS[state]} variant="light">
                          {t(`account.tokens.states.${state}`)}
                        </Badge>
                        {token.revokedAt && (
                          <Text size="xs" c="dimmed">
                            <InstantText value={token.revokedAt} />
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {!token.revokedAt && (
                          <ConfirmButton
                            size="xs"
                            color="red"
                            variant="light"
                            label={t('account.tokens.revoke')}
                            aria-label={t('account.tokens.revokeOf', { name: token.name })}
                            title={t('account.tokens.revokeConfirmTitle')}
                            message={t('account.tokens.revokeConfirmMessage', { name: token.name })}
                            confirmLabel={t('account.tokens.revokeConfirm')}
                            loading={revoke.isPending && revoke.variables === token.id}
                            onConfirm={() => revoke.mutate(token.id)}
                          />
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
