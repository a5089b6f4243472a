/**
 * The editor's page actions: the set's history, its export (of what is saved, so not while
 * unsaved) and the save of the draft.
 */
import { SaveOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ns } from '../i18n';
import { CriteriaSetExportButton } from './CriteriaSetExportButton';
import { HistoryButton } from './HistoryDrawer';
import type { CriteriaSetDraft } from './use-criteria-set-draft';

export function CriteriaSetToolbar({
  draft,
}: {
  draft: Pick<CriteriaSetDraft, 'set' | 'readOnly' | 'dirty' | 'saving' | 'save'>;
}) {
  const { t } = useTranslation(ns);
  const { set, readOnly, dirty, saving, save } = draft;
  return (
    <Space wrap>
      <HistoryButton criteriaSetId={set.id} />
      <CriteriaSetExportButton set={set} disabled={dirty} />
      {readOnly ? null : (
        <Button
          type="primary"
          icon={<SaveOutlined />}
          loading={saving}
          disabled={!dirty}
          onClick={() => void save()}
          data-testid="criteria-set-save"
        >
          {t('criteriaSets.editor.save')}
        </Button>
      )}
    </Space>
  );
}
