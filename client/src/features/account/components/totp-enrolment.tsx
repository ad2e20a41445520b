import { Button, Code, CopyButton, Group, Image, Stack, Text, TextInput, Title } from '@mantine/core';
import type { TotpEnrolment } from '@jit/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeField } from '../../../components/code-field';
import { ErrorAlert } from '../../../components/error-alert';
import { useFieldErrors } from '../../../lib/field-errors';
import { useBeginTotp, useConfirmTotp } from '../api/second-factors';
import { RecoveryCodesAlert } from './recovery-codes';

/** The key in groups of four, as authenticator apps show it when typed by hand. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

function ConfirmEnrolmentForm({ enrolment, onConfirmed, onCancel }: { enrolment: TotpEnrolment; onConfirmed: (codes: string[]) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const confirm = useConfirmTotp();
  const fieldError = useFieldErrors(confirm.error);
  const [label, setLabel] = useState(t('secondFactor.defaultLabel'));
  const [code, setCode] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate({ factorId: enrolment.factorId, code: code.trim(), label: label.trim() }, { onSuccess: (done) => onConfirmed(done.recoveryCodes), onError: () => setCode('') });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('secondFactor.scanStep')}</Text>
        <Image src={enrolment.qrCode} alt={t('secondFactor.qrAlt')} w={200} h={200} fit="contain" />
        <Text size="sm">{t('secondFactor.keyStep')}</Text>
        <Group gap="xs">
          <Code data-testid="totp-secret" fz="md">
            {grouped(enrolment.secret)}
          </Code>
          <CopyButton value={enrolment.secret}>
            {({ copied, copy }) => (
              <Button size="xs" variant="light" color={copied ? 'teal' : 'blue'} onClick={copy}>
                {copied ? t('common.copied') : t('secondFactor.copyKey')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <TextInput
          label={t('secondFactor.label')}
          description={t('secondFactor.labelHelp')}
          required
          maxLength={100}
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
          error={fieldError('label')}
        />
        <CodeField label={t('secondFactor.firstCode')} value={code} onChange={(e) => setCode(e.currentTarget.value)} error={fieldError('code')} maxLength={6} inputMode="numeric" />
        <ErrorAlert error={confirm.error} shownFields={['code', 'label']} />
        <Group>
          <Button type="submit" loading={confirm.isPending} disabled={code.trim() === '' || label.trim() === ''}>
            {t('secondFactor.confirm')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * Setting up an authenticator app: a new key as QR code and as text, confirmed by the first code
 * the app shows; the first factor brings recovery codes, shown once before `onDone`.
 */
export function TotpEnrolmentFlow({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const begin = useBeginTotp();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  // Back to the start, so the same place can add another app later.
  const finish = () => {
    setRecoveryCodes(null);
    begin.reset();
    onDone();
  };

  if (recoveryCodes) return <RecoveryCodesAlert codes={recoveryCodes} onDone={finish} />;
  if (begin.data) {
    return <ConfirmEnrolmentForm enrolment={begin.data} onConfirmed={(codes) => (codes.length > 0 ? setRecoveryCodes(codes) : finish())} onCancel={() => begin.reset()} />;
  }
  return (
    <Stack gap="sm">
      <Title order={4}>{t('secondFactor.addApp')}</Title>
      <Text size="sm">{t('secondFactor.addAppIntro')}</Text>
      <ErrorAlert error={begin.error} />
      <Group>
        <Button onClick={() => begin.mutate()} loading={begin.isPending}>
          {t('secondFactor.startApp')}
        </Button>
      </Group>
    </Stack>
  );
}
