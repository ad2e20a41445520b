import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { browserTimeZone } from '../lib/dates';

/**
 * Times are shown in the profile's zone, which may not be the clock on the wall: an investigator on
 * mission abroad, or a shared office machine. Said once, above every screen, while the two differ.
 */
export function ZoneHint({ profileZone }: { profileZone: string }) {
  const { t } = useTranslation();
  const device = browserTimeZone();
  if (device === profileZone) return null;
  return (
    <Text size="sm" c="dimmed" mb="sm" data-testid="zone-hint">
      {t('app.zoneDiffers', { profile: profileZone, device })} {/* Underlined: a link inside a sentence must not be told apart by its colour alone. */}
      <Anchor component={Link} to="/account" size="sm" underline="always">
        {t('app.zoneChange')}
      </Anchor>
    </Text>
  );
}
