import { useTranslation } from 'react-i18next';
import { isApiRequestError } from './api-client';

/**
 * Looks up the server's per-field error for a form field, translated.
 * `prefix` lets a nested editor ask for "parties.0.name" while the form asks for "endDate".
 */
export function useFieldErrors(error: unknown) {
  const { t } = useTranslation();
  const details = isApiRequestError(error) ? (error.apiError.details ?? []) : [];
  return (field: string): string | undefined => {
    const detail = details.find((d) => d.field === field);
    return detail ? t(`fieldErrors.${detail.code}`) : undefined;
  };
}
