/**
 * One criteria set in the editor: the summary (total, validity), the tree and the selected
 * node's form side by side, the unit's preview and the diff with the set it was made from.
 * The draft, its checks and its saves are `useCriteriaSetDraft`'s; a set in use is read-only
 * and offers a new version.
 */
import { useState } from 'react';
import { ArrowLeftOutlined, BranchesOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Modal, Typography } from 'antd';
import Tabs from 'antd/es/tabs';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { criteriaSetActions } from '@par/contracts';
import type { CriteriaSet } from '@par/contracts';
import { useActionQuery } from '@par/client';
import type { ActionQuery } from '@par/client';
import { ErrorState, Loading, PageHeader } from '@par/ui';
import { ns } from '../i18n';
import { CriteriaDiffView } from './CriteriaDiffView';
import { CriteriaSetPreview } from './CriteriaSetPreview';
import { CriteriaSetSummary } from './CriteriaSetSummary';
import { CriteriaSetToolbar } from './CriteriaSetToolbar';
import { CriteriaTreePane } from './CriteriaTreePane';
import { testId } from './test-id';
import { useCriteriaSetDraft } from './use-criteria-set-draft';
import type { CriteriaSetDraft } from './use-criteria-set-draft';

export default function CriteriaSetEditorPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(ns);
  const loaded = useActionQuery(criteriaSetActions.getCriteriaSet, { id });

  if (loaded.error)
    return (
      <ErrorState
        testId="criteria-set-load-failed"
        title={t('criteriaSets.editor.loadFailed')}
        description={loaded.error.message}
        onRetry={loaded.reload}
      />
    );
  if (!loaded.data) return <Loading />;
  return (
    <Editor
      key={`${loaded.data.id}-${loaded.data.version}`}
      set={loaded.data}
      onReload={loaded.reload}
    />
  );
}

function Editor({ set: initial, onReload }: { set: CriteriaSet; onReload: () => void }) {
  const { t } = useTranslation(ns);
  const draft = useCriteriaSetDraft(initial);
  const { set, contractNodes, conflict, dismissConflict } = draft;
  const [tab, setTab] = useState('tree');
  // Read with the page, so the diff is ready when its tab opens.
  const base = useActionQuery(
    criteriaSetActions.getCriteriaSet,
    { id: set.basedOnId ?? '' },
    { enabled: set.basedOnId !== null },
  );

  return (
    <>
      <PageHeader
        title={set.name}
        description={
          <Link to=".." relative="path">
            <ArrowLeftOutlined aria-hidden /> {t('criteriaSets.editor.back')}
          </Link>
        }
        extra={<CriteriaSetToolbar draft={draft} />}
      />
      <StatusAlert draft={draft} />
      <CriteriaSetSummary draft={draft} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'tree',
            label: t('criteriaSets.editor.tabTree'),
            children: <CriteriaTreePane draft={draft} />,
          },
          {
            key: 'preview',
            label: (
              <span data-testid="criteria-tab-preview">{t('criteriaSets.editor.tabPreview')}</span>
            ),
            children: (
              <Card>
                <CriteriaSetPreview nodes={contractNodes} />
              </Card>
            ),
          },
          ...(set.basedOnId
            ? [
                {
                  key: 'diff',
                  label: (
                    <span data-testid="criteria-tab-diff">{t('criteriaSets.editor.tabDiff')}</span>
                  ),
                  children: <BaseDiff set={set} base={base} after={contractNodes} />,
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={conflict !== null}
        title={t('criteriaSets.editor.conflictTitle')}
        onCancel={dismissConflict}
        okText={t('criteriaSets.editor.reload')}
        cancelText={t('criteriaSets.editor.keepEditing')}
        okButtonProps={testId('criteria-set-reload')}
        onOk={() => {
          dismissConflict();
          onReload();
        }}
      >
        <Typography.Paragraph data-testid="criteria-set-conflict">{conflict}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">
          {t('criteriaSets.editor.conflictHelp')}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}

/** A set in use can only be copied into a new version; a retired one not even that. */
function StatusAlert({ draft }: { draft: Pick<CriteriaSetDraft, 'set' | 'newVersion'> }) {
  const { t } = useTranslation(ns);
  const { set, newVersion } = draft;
  if (set.status === 'inUse')
    return (
      <Alert
        type="info"
        showIcon
        data-testid="criteria-set-read-only"
        title={t('criteriaSets.editor.inUse')}
        action={
          <Button
            icon={<BranchesOutlined />}
            onClick={() => void newVersion()}
            data-testid="criteria-set-new-version"
          >
            {t('criteriaSets.editor.newVersion')}
          </Button>
        }
        style={{ marginBottom: 16 }}
      />
    );
  if (set.status === 'retired')
    return (
      <Alert
        type="warning"
        showIcon
        title={t('criteriaSets.editor.retired')}
        style={{ marginBottom: 16 }}
      />
    );
  return null;
}

/** The draft against the set it was made from. */
function BaseDiff({
  set,
  base,
  after,
}: {
  set: CriteriaSet;
  base: ActionQuery<CriteriaSet>;
  after: CriteriaSetDraft['contractNodes'];
}) {
  const { t } = useTranslation(ns);
  return (
    <Card>
      {base.error ? (
        <ErrorState
          title={t('criteriaSets.editor.baseFailed')}
          description={base.error.message}
          onRetry={base.reload}
        />
      ) : base.data ? (
        <CriteriaDiffView
          before={base.data.nodes}
          after={after}
          beforeLabel={t('criteriaSets.editionLabel', {
            edition: base.data.edition,
            year: base.data.year,
          })}
          afterLabel={t('criteriaSets.editionLabel', { edition: set.edition, year: set.year })}
        />
      ) : (
        <Loading />
      )}
    </Card>
  );
}
