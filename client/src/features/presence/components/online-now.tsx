import { Avatar, Group, Paper, Text, Title, Tooltip } from '@mantine/core';
import type { Jit, Me } from '@jit/shared';
import { useTranslation } from 'react-i18next';
import { usePresence } from '../../../lib/presence';
import { useMembers } from '../../members';

/** The members of a JIT with the workspace open right now, with their party; hidden while not connected. */
export function OnlineNow({ jit, me }: { jit: Jit; me: Me }) {
  const { t } = useTranslation();
  const online = usePresence(jit.id);
  // Every member may read the member list: it names each person's party.
  const members = useMembers(jit.id);
  if (!online) return null;

  const partyNames = new Map(jit.parties.map((party) => [party.id, party.name]));
  const partyOf = (userId: string): string | undefined => {
    const member = members.data?.find((m) => m.userId === userId && m.active);
    return member ? partyNames.get(member.partyId) : undefined;
  };

  return (
    <Paper withBorder p="md">
      <Title order={3} mb="sm" id="online-now-title">
        {t('presence.onlineNow')}
      </Title>
      <Group gap="md" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-labelledby="online-now-title" data-testid="online-now">
        {online.map((person) => {
          const party = partyOf(person.userId);
          const you = person.userId === me.id;
          return (
            <Group key={person.userId} component="li" gap="xs" wrap="nowrap" data-testid={`online-${person.displayName}`}>
              <Tooltip label={party ? `${person.displayName} (${party})` : person.displayName}>
                {/* One colour for everyone: some of the library's name-derived colours put the initials below 4.5:1. */}
                <Avatar color="blue" name={person.displayName} size="sm" aria-hidden="true" />
              </Tooltip>
              <div>
                <Text size="sm">
                  {person.displayName}
                  {you && ` ${t('presence.you')}`}
                </Text>
                {party && (
                  <Text size="xs" c="dimmed">
                    {party}
                  </Text>
                )}
              </div>
            </Group>
          );
        })}
      </Group>
    </Paper>
  );
}
