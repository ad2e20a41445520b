import { Badge, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { JIT_ROLES, type Jit, type JitRole, type Me, type Member } from '@jit/shared';
import { useTranslation } from 'react-i18next';
import { RoleBadge } from '../../../components/badges';
import { ConfirmButton } from '../../../components/confirm-button';
import { InstantText } from '../../../components/date-text';
import { ErrorAlert } from '../../../components/error-alert';
import { PageLoader } from '../../../components/page-state';
import { jitAccess } from '../../../lib/permissions';
import { useMembers, useRevokeMember, useUpdateMember } from '../api/members';
import { AddMemberForm } from './add-member-form';

export function MembersList({ jit, me }: { jit: Jit; me: Me }) {
  const { t } = useTranslation();
  const access = jitAccess(jit, me);
  const members = useMembers(jit.id);
  const revoke = useRevokeMember(jit.id);
  const update = useUpdateMember(jit.id);
  const canAdd = access.can('members.manage') && jit.status !== 'closed';

  if (members.isPending) return <PageLoader />;
  if (members.isError) return <ErrorAlert error={members.error} />;

  const byParty = (partyId: string): Member[] => members.data.filter((member) => member.partyId === partyId);

  return (
    <Stack>
      {canAdd && <AddMemberForm jit={jit} access={access} isPlatformAdmin={me.isPlatformAdmin} />}
      <ErrorAlert error={revoke.error ?? update.error} />
      {jit.parties.map((party) => {
        const partyMembers = byParty(party.id);
        const manageable = access.canManageParty(party.id) && jit.status !== 'closed';
        return (
          <Paper withBorder p="md" key={party.id} data-testid={`party-${party.id}`}>
            <Group mb="sm">
              <Title order={3}>{party.name}</Title>
              {party.isLead && <Badge color="indigo">{t('jits.lead')}</Badge>}
            </Group>
            {partyMembers.length === 0 ? (
              <Text c="dimmed">{t('members.noneInParty')}</Text>
            ) : (
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('fields.displayName')}</Table.Th>
                    <Table.Th>{t('fields.email')}</Table.Th>
                    <Table.Th>{t('fields.organisation')}</Table.Th>
                    <Table.Th>{t('members.role')}</Table.Th>
                    <Table.Th>{t('members.access')}</Table.Th>
                    <Table.Th>{t('common.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {partyMembers.map((member) => {
                    const revoked = member.revokedAt !== null;
                    const editable = manageable && !revoked;
                    return (
                      <Table.Tr
                        key={member.id}
                        data-testid={`member-row-${member.email}`}
                        data-active={member.active}
                        style={revoked ? { opacity: 0.55, textDecoration: 'line-through' } : undefined}
                      >
                        <Table.Td>{member.displayName}</Table.Td>
                        <Table.Td>{member.email}</Table.Td>
                        <Table.Td>{member.organisation}</Table.Td>
                        <Table.Td>
                          {editable ? (
                            <Select
                              size="xs"
                              aria-label={t('members.changeRoleOf', { name: member.displayName })}
                              data={JIT_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                              value={member.role}
                              allowDeselect={false}
                              onChange={(value) => value && value !== member.role && update.mutate({ memberId: member.id, request: { role: value as JitRole } })}
                            />
                          ) : (
                            <RoleBadge role={member.role} />
                          )}
                        </Table.Td>
                        <Table.Td>
                          {revoked ? (
                            <Text size="sm" c="dimmed">
                              {t('members.revokedOn')} <InstantText value={member.revokedAt} />
                            </Text>
                          ) : member.accessExpiresAt ? (
                            <Text size="sm">
                              {member.active ? t('members.expiresOn') : t('members.expiredOn')} <InstantText value={member.accessExpiresAt} />
                            </Text>
                          ) : (
                            <Text size="sm">{t('members.activeAccess')}</Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {editable && (
                            <ConfirmButton
                              size="xs"
                              color="red"
                              variant="light"
                              label={t('members.revoke')}
                              aria-label={t('members.revokeOf', { name: member.displayName })}
                              title={t('members.revokeConfirmTitle')}
                              message={t('members.revokeConfirmMessage', { name: member.displayName })}
                              confirmLabel={t('members.revokeConfirm')}
                              onConfirm={() => revoke.mutate(member.id)}
                            />
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}
