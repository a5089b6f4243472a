/**
 * Warns before work the server does not have is left behind: the browser's own prompt on
 * reload or close, and a confirmation on every move inside the portal (links, the shell's menu,
 * the back and forward buttons) through the router's blocker. Either way the saves start at once.
 */
import { useEffect } from 'react';
import { App as AntApp } from 'antd';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import type { BlockerFunction } from 'react-router';
import { ns } from '../i18n';

export function useLeaveGuard(hasUnsaved: () => boolean, saveNow: () => Promise<void>): void {
  const { t } = useTranslation(ns);
  const { modal } = AntApp.useApp();
  const shouldBlock: BlockerFunction = ({ currentLocation, nextLocation }) =>
    currentLocation.pathname !== nextLocation.pathname && hasUnsaved();
  const blocker = useBlocker(shouldBlock);

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!hasUnsaved()) return;
      void saveNow();
      event.preventDefault();
      // Older browsers still need a return value to show their prompt.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [hasUnsaved, saveNow]);

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    void saveNow();
    const dialog = modal.confirm({
      title: t('leave.title'),
      content: t('leave.description'),
      okText: t('leave.leave'),
      cancelText: t('leave.stay'),
      okButtonProps: { danger: true, 'data-testid': 'leave-confirm' },
      cancelButtonProps: { 'data-testid': 'leave-stay' },
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
    return () => dialog.destroy();
  }, [blocker, modal, saveNow, t]);
}
