import { Anchor, Button, Group, Table, Text, Title } from '@mantine/core';
import type { Me } from '@jit/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { JitStatusBadge, RoleBadge } from '../../../components/badges';
import { DateOnlyText } from '../../../components/date-text';
import { ErrorAlert } from '../../../components/error-alert';
import { PageLoader } from '../../../components/page-state';
import { useJits } from '../api/jits';

export function JitList({ me }: { me: Me }) {
  const { t } = useTranslation();
  const jits = useJits();

  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>{me.isPlatformAdmin ? t('jits.allTitle') : t('jits.myTitle')}</Title>
        {me.isPlatformAdmin && (
          <Button component={Link} to="/jits/new">
            {t('jits.create')}
          </Button>
        )}
      </Group>
      {jits.isPending && <PageLoader />}
      <ErrorAlert error={jits.error} />
      {jits.data && jits.data.length === 0 && <Text c="dimmed">{t('jits.none')}</Text>}
      {jits.data && jits.data.length > 0 && (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fields.reference')}</Table.Th>
              <Table.Th>{t('fields.title')}</Table.Th>
              <Table.Th>{t('jits.status')}</Table.Th>
              <Table.Th>{t('fields.startDate')}</Table.Th>
              <Table.Th>{t('jits.effectiveEndDate')}</Table.Th>
              <Table.Th>{t('jits.myRole')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {jits.data.map((jit) => (
              <Table.Tr key={jit.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/jits/${jit.id}`}>
                    {jit.reference}
                  </Anchor>
                </Table.Td>
                <Table.Td>{jit.title}</Table.Td>
                <Table.Td>
                  <JitStatusBadge status={jit.status} />
                  {jit.expired && jit.status !== 'closed' && (
                    <Text span c="red" size="xs" ms="xs">
                      {t('jits.expiredShort')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <DateOnlyText value={jit.startDate} />
                </Table.Td>
                <Table.Td>
                  <DateOnlyText value={jit.effectiveEndDate} />
                </Table.Td>
                <Table.Td>{jit.myMembership ? <RoleBadge role={jit.myMembership.role} /> : t('jits.administratorView')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
