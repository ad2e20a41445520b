import { Alert, Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundRoute() {
  const { t } = useTranslation();
  return (
    <Alert color="gray" title={t('errors.not_found')}>
      <Anchor component={Link} to="/jits">
        {t('app.nav.myJits')}
      </Anchor>
    </Alert>
  );
}
