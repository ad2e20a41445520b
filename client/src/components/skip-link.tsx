import { Anchor } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export const MAIN_CONTENT_ID = 'main-content';

/**
 * The first stop of the Tab key on every page: jumps past the top bar to the screen's content.
 * Out of sight until it has the focus, as keyboard users expect (WCAG 2.4.1).
 */
export function SkipLink() {
  const { t } = useTranslation();
  const [focused, setFocused] = useState(false);
  return (
    <Anchor
      href={`#${MAIN_CONTENT_ID}`}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onClick={(event) => {
        event.preventDefault();
        document.getElementById(MAIN_CONTENT_ID)?.focus();
      }}
      style={
        focused
          ? {
              position: 'fixed',
              insetBlockStart: 8,
              insetInlineStart: 8,
              zIndex: 1000,
              padding: '8px 16px',
              background: 'var(--mantine-color-body)',
              boxShadow: 'var(--mantine-shadow-md)',
            }
          : { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' }
      }
    >
      {t('common.skipToContent')}
    </Anchor>
  );
}
