import { Button, Group, Modal, Text } from '@mantine/core';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker, type Blocker, type BlockerFunction } from 'react-router';

/**
 * Warns before unsaved changes are left behind: the browser's own prompt on a reload or a closed tab
 * (beforeunload), a dialog on a navigation inside the app (useBlocker, which needs the data router).
 */
export function useUnsavedChanges(dirty: boolean) {
  const dirtyRef = useRef(dirty);
  const allowedRef = useRef(false);
  useEffect(() => {
    dirtyRef.current = dirty;
  }, [dirty]);

  useEffect(() => {
    if (!dirty) return undefined;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers need a value to show the prompt.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const shouldBlock = useCallback<BlockerFunction>(
    ({ currentLocation, nextLocation }) => dirtyRef.current && !allowedRef.current && currentLocation.pathname !== nextLocation.pathname,
    [],
  );
  const blocker = useBlocker(shouldBlock);

  /** For the navigation that follows a save: the changes are no longer unsaved. */
  const allowNavigation = useCallback(() => {
    allowedRef.current = true;
    dirtyRef.current = false;
  }, []);

  return { blocker, allowNavigation };
}

/** The dialog shown while a navigation is held back. */
export function LeaveConfirmModal({ blocker }: { blocker: Blocker }) {
  const { t } = useTranslation();
  const opened = blocker.state === 'blocked';
  return (
    <Modal opened={opened} onClose={() => blocker.reset?.()} title={t('notes.editor.leaveTitle')} centered>
      <Text mb="md">{t('notes.editor.leaveMessage')}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => blocker.reset?.()}>
          {t('notes.editor.stay')}
        </Button>
        <Button color="red" onClick={() => blocker.proceed?.()}>
          {t('notes.editor.leave')}
        </Button>
      </Group>
    </Modal>
  );
}
