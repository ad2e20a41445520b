import { Stack, Switch, Text } from '@mantine/core';
import type { Jit } from '@jit/shared';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useRequireSecondFactor } from '../api/jits';

/**
 * Whether entering this JIT needs a second factor. Lead leaders (and the platform administrator)
 * switch it, closed JITs included; everyone else reads it.
 */
export function SecondFactorRequirement({ jit, canChange }: { jit: Jit; canChange: boolean }) {
  const { t } = useTranslation();
  const change = useRequireSecondFactor(jit.id);
  if (!canChange) return <Text>{jit.secondFactorRequired ? t('jits.secondFactor.required') : t('jits.secondFactor.notRequired')}</Text>;
  return (
    <Stack gap="xs">
      <Switch
        label={t('jits.secondFactor.switch')}
        description={t('jits.secondFactor.help')}
        checked={jit.secondFactorRequired}
        disabled={change.isPending}
        onChange={(event) => change.mutate(event.currentTarget.checked)}
      />
      <ErrorAlert error={change.error} />
    </Stack>
  );
}
