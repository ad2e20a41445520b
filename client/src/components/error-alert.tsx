import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiRequestError } from '../lib/api-client';

interface ErrorAlertProps {
  error: unknown;
  /** Fields already shown next to their input, so the alert does not repeat them. */
  shownFields?: readonly string[];
}

/** Shows an API error in the user's language: the code's sentence, then each field problem. */
export function ErrorAlert({ error, shownFields = [] }: ErrorAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  if (!isApiRequestError(error)) {
    return (
      <Alert color="red" title={t('errors.title')} role="alert">
        {t('errors.internal_error')}
      </Alert>
    );
  }
  const { apiError } = error;
  const details = (apiError.details ?? []).filter((d) => !shownFields.includes(d.field));
  return (
    <Alert color="red" title={t('errors.title')} role="alert">
      {t(`errors.${apiError.error}`)}
      {apiError.permission && <div>{t('errors.missingPermission', { permission: apiError.permission })}</div>}
      {details.length > 0 && (
        <List size="sm" mt="xs">
          {details.map((detail) => (
            <List.Item key={`${detail.field}-${detail.code}`}>{t('errors.fieldProblem', { field: detail.field, problem: t(`fieldErrors.${detail.code}`) })}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
