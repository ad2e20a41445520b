import { Alert, Button, Code, CopyButton, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Offers the codes as a text file, so they can be printed or kept with other papers. */
function download(codes: string[], heading: string): void {
  const url = URL.createObjectURL(new Blob([`${heading}\n\n${codes.join('\n')}\n`], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'jit-workspace-recovery-codes.txt';
  link.click();
  URL.revokeObjectURL(url);
}

/** Recovery codes, right after they were issued: shown once, each works once. */
export function RecoveryCodesAlert({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" title={t('secondFactor.recoveryCodesTitle')} data-testid="recovery-codes">
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('secondFactor.recoveryCodesShownOnce')}
        </Text>
        <List listStyleType="none" spacing={2}>
          {codes.map((code) => (
            <List.Item key={code}>
              <Code>{code}</Code>
            </List.Item>
          ))}
        </List>
        <Group>
          <CopyButton value={codes.join('\n')}>
            {({ copied, copy }) => (
              // Plain, not tinted: a light blue tint over the yellow alert reads just under 4.5:1.
              <Button size="xs" variant="default" onClick={copy}>
                {copied ? t('common.copied') : t('secondFactor.copyCodes')}
              </Button>
            )}
          </CopyButton>
          <Button size="xs" variant="default" onClick={() => download(codes, t('secondFactor.recoveryCodesTitle'))}>
            {t('secondFactor.downloadCodes')}
          </Button>
          <Button size="xs" onClick={onDone}>
            {t('secondFactor.codesSaved')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
