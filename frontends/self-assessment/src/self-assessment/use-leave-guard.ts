/**
 * Warns before work the server does not have is left behind: the browser's own prompt on
 * reload or close, and a confirmation on links inside the portal (the shell's menu included).
 */
import { useEffect } from 'react';
import { App as AntApp } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ns } from '../i18n';

export function useLeaveGuard(hasUnsaved: () => boolean, saveNow: () => Promise<void>): void {
  const { t } = useTranslation(ns);
  const { modal } = AntApp.useApp();
  const navigate = useNavigate();

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!hasUnsaved()) return;
      void saveNow();
      event.preventDefault();
      // Older browsers still need a return value to show their prompt.
      event.returnValue = '';
    };
    const onClick = (event: MouseEvent) => {
      if (
        event.defaultPrevented ||
        event.button !== 0 ||
        event.metaKey ||
        event.ctrlKey ||
        event.shiftKey
      )
        return;
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (
        !(link instanceof HTMLAnchorElement) ||
        link.target === '_blank' ||
        link.hasAttribute('download')
      )
        return;
      const to = new URL(link.href, window.location.href);
      if (to.origin !== window.location.origin || to.pathname === window.location.pathname) return;
      if (!hasUnsaved()) return;
      event.preventDefault();
      event.stopPropagation();
      void saveNow();
      modal.confirm({
        title: t('leave.title'),
        content: t('leave.description'),
        okText: t('leave.leave'),
        cancelText: t('leave.stay'),
        okButtonProps: { danger: true, 'data-testid': 'leave-confirm' },
        cancelButtonProps: { 'data-testid': 'leave-stay' },
        onOk: () => navigate(to.pathname + to.search + to.hash),
      });
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    // Capture: decide before the router's own link handler navigates.
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [hasUnsaved, saveNow, modal, navigate, t]);
}
