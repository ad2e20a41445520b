import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface FormActionsProps {
  submitLabel: string;
  loading: boolean;
  disabled?: boolean;
  onCancel: () => void;
}

/** The submit and cancel buttons that close an edit form, the same way on every screen. */
export function FormActions({ submitLabel, loading, disabled, onCancel }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <Group>
      <Button type="submit" loading={loading} disabled={disabled}>
        {submitLabel}
      </Button>
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
    </Group>
  );
}
