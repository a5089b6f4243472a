/** "đang lưu / đã lưu / lỗi" for one entry, or for the page as a whole. */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ns } from '../i18n';
import type { AutosaveStatus } from './autosave-queue';

/** How the saves of one entry, or of a whole page, stand. */
export type PageSaveState = 'idle' | 'saving' | 'saved' | 'error';

const colours: Record<PageSaveState, string | undefined> = {
  idle: undefined,
  saving: 'processing',
  saved: 'success',
  error: 'error',
};

/** The entry's autosave status as the page names it. */
export function entrySaveState(status: AutosaveStatus, conflict: boolean): PageSaveState {
  if (conflict || status === 'stopped' || status === 'retrying') return 'error';
  if (status === 'pending' || status === 'saving') return 'saving';
  return status === 'saved' ? 'saved' : 'idle';
}

export function SaveStateTag({
  state,
  testId,
  detail,
}: {
  state: PageSaveState;
  testId: string;
  detail?: string;
}) {
  const { t } = useTranslation(ns);
  if (state === 'idle') return <span data-testid={testId} data-state="idle" />;
  return (
    <Tag
      color={colours[state]}
      data-testid={testId}
      data-state={state}
      role="status"
      title={detail}
    >
      {t(`save.${state}`)}
    </Tag>
  );
}
