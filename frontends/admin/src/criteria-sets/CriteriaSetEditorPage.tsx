/**
 * One criteria set in the editor: the tree and the selected node's form side by side, the
 * total, the issues, the unit's preview and the diff with the set it was made from. Saves the
 * whole node list with the set's `version`; a set in use is read-only and offers a new version.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  ArrowLeftOutlined,
  BranchesOutlined,
  DeleteOutlined,
  PlusOutlined,
  SaveOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Collapse,
  Descriptions,
  Modal,
  Row,
  Space,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { accountsActions, criteriaSetActions } from '@par/contracts';
import type { CriteriaSet, CriteriaSetView, CriterionNode } from '@par/contracts';
import { isApiError, useActionQuery, useApiClient } from '@par/client';
import { EmptyState, ErrorState, Loading, PageHeader } from '@par/ui';
import { ns } from '../i18n';
import { formatPoints } from './format-points';
import { CriteriaDiffView } from './CriteriaDiffView';
import { CriteriaSetExportButton } from './CriteriaSetExportButton';
import { HistoryButton } from './HistoryDrawer';
import { CriteriaSetPreview } from './CriteriaSetPreview';
import { CriteriaSetStatusTag } from './CriteriaSetStatusTag';
import { CriteriaTree } from './CriteriaTree';
import {
  addChild,
  addSibling,
  moveByKeyboard,
  moveNode,
  removeNode,
  subtreeKeys,
  summarize,
  toCriterionNodes,
  toEditorNodes,
  updateNode,
} from './criteria-tree';
import type { EditorNode } from './criteria-tree';
import { issuesByNodeKey } from './editor-issues';
import { NodeForm } from './NodeForm';

const noFieldIssues: ReadonlyArray<{ field: string; message: string }> = [];

/** Validation by the server waits for the admin to pause, so typing stays smooth. */
const validateDelayMs = 700;

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
  const { message, modal } = AntApp.useApp();
  const api = useApiClient();
  const navigate = useNavigate();
  const [set, setSet] = useState(initial);
  const [nodes, setNodes] = useState<EditorNode[]>(() => toEditorNodes(initial.nodes));
  const [selectedKey, setSelectedKey] = useState<string | null>(() => nodes[0]?.key ?? null);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  // The server's validation of exactly the current draft; null while it is being checked.
  const [view, setView] = useState<CriteriaSetView | null>(initial.view);
  const [tab, setTab] = useState('tree');
  const readOnly = set.status !== 'draft';

  const units = useActionQuery(accountsActions.listUnits, { limit: 1000 });
  const unitOptions = useMemo(
    () =>
      (units.data?.items ?? []).map((unit) => ({
        value: unit.code,
        label: `${unit.code} — ${unit.name}`,
      })),
    [units.data],
  );
  const base = useActionQuery(
    criteriaSetActions.getCriteriaSet,
    { id: set.basedOnId ?? '' },
    { enabled: set.basedOnId !== null },
  );

  const contractNodes = useMemo(() => toCriterionNodes(nodes), [nodes]);
  const { byKey: summaries, totalMax, leafCount } = useMemo(() => summarize(nodes), [nodes]);
  const issues = useMemo(
    () =>
      issuesByNodeKey(nodes, view, (issue) =>
        t(`criteriaSets.issue.${issue.key}`, issue.values ?? {}),
      ),
    [nodes, view, t],
  );

  const change = useCallback((next: EditorNode[]) => {
    setNodes(next);
    setDirty(true);
    setView(null);
  }, []);

  // Ask the server to validate the draft once the admin pauses; a later draft discards the answer.
  useEffect(() => {
    if (view !== null) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api
        .callAction(
          criteriaSetActions.validateCriteriaSet,
          { nodes: contractNodes, indexCode: set.indexCode, year: set.year },
          { signal: controller.signal },
        )
        .then(setView)
        .catch(() => {
          // The editor's own checks stay on screen; saving reports a real failure.
        });
    }, validateDelayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, contractNodes, view, set.indexCode, set.year]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const selected = nodes.find((node) => node.key === selectedKey) ?? null;

  const save = async () => {
    setSaving(true);
    try {
      const saved = await api.callAction(criteriaSetActions.saveCriteriaSet, {
        id: set.id,
        version: set.version,
        nodes: contractNodes,
      });
      setSet(saved);
      setView(saved.view);
      setDirty(false);
      void message.success(
        saved.view.valid
          ? t('criteriaSets.editor.saved')
          : t('criteriaSets.editor.savedWithIssues', { count: saved.view.issues.length }),
      );
    } catch (error) {
      if (isApiError(error) && error.status === 409) setConflict(error.message);
      else void message.error(isApiError(error) ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  const newVersion = async () => {
    try {
      const created = await api.callAction(criteriaSetActions.createCriteriaSetVersion, {
        id: set.id,
      });
      void message.success(t('criteriaSets.editor.versionCreated', { edition: created.edition }));
      void navigate(`../${created.id}`, { relative: 'path' });
    } catch (error) {
      void message.error(isApiError(error) ? error.message : String(error));
    }
  };

  const focusForm = () => setTimeout(() => document.getElementById('criterion-title')?.focus(), 50);
  // The tree's list (role "tree") is what takes the keyboard.
  const focusTree = () =>
    document.querySelector<HTMLElement>('#criteria-tree-panel [role="tree"]')?.focus();

  const add = (where: 'child' | 'sibling' | 'area', key: string | null) => {
    const result =
      where === 'sibling' && key
        ? addSibling(nodes, key)
        : addChild(nodes, where === 'area' ? null : key);
    change(result.nodes);
    setSelectedKey(result.key);
    focusForm();
  };

  const confirmDelete = (key: string) => {
    const node = nodes.find((n) => n.key === key);
    if (!node) return;
    const below = subtreeKeys(nodes, key).size - 1;
    void modal.confirm({
      title: t('criteriaSets.editor.deleteTitle', { code: node.code }),
      content:
        below > 0
          ? t('criteriaSets.editor.deleteWithChildren', { title: node.title, count: below })
          : t('criteriaSets.editor.deleteOne', { title: node.title }),
      okText: t('criteriaSets.editor.deleteOk'),
      okButtonProps: { danger: true, ...testId('criteria-delete-ok') },
      cancelText: t('criteriaSets.editor.cancel'),
      onOk: () => {
        const at = nodes.findIndex((n) => n.key === key);
        const next = removeNode(nodes, key);
        change(next);
        setSelectedKey(next[Math.min(at, next.length - 1)]?.key ?? null);
      },
    });
  };

  // The form applies on every valid change; an unchanged node must not mark the set unsaved.
  const nodesRef = useRef(nodes);
  nodesRef.current = nodes;
  const apply = useCallback(
    (key: string, node: Omit<CriterionNode, 'parentCode'>) => {
      const before = nodesRef.current.find((n) => n.key === key);
      if (!before) return;
      const { key: _key, parentKey: _parentKey, ...old } = before;
      if (JSON.stringify(old) === JSON.stringify({ ...old, ...node })) return;
      change(updateNode(nodesRef.current, key, node));
    },
    [change],
  );

  const statusAlert =
    set.status === 'inUse' ? (
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
    ) : set.status === 'retired' ? (
      <Alert
        type="warning"
        showIcon
        title={t('criteriaSets.editor.retired')}
        style={{ marginBottom: 16 }}
      />
    ) : null;

  const treePane = (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={13}>
        <Card title={t('criteriaSets.editor.treeTitle')}>
          {readOnly ? null : (
            <div style={{ marginBottom: 12 }}>
              <Space wrap>
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => add('area', null)}
                  data-testid="criteria-add-area"
                >
                  {t('criteriaSets.editor.addArea')}
                </Button>
                <Button
                  size="small"
                  disabled={!selected}
                  onClick={() => selected && add('child', selected.key)}
                  data-testid="criteria-add-child"
                >
                  {t('criteriaSets.editor.addChild')}
                </Button>
                <Button
                  size="small"
                  disabled={!selected}
                  onClick={() => selected && add('sibling', selected.key)}
                  data-testid="criteria-add-sibling"
                >
                  {t('criteriaSets.editor.addSibling')}
                </Button>
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  disabled={!selected}
                  onClick={() => selected && confirmDelete(selected.key)}
                  data-testid="criteria-delete"
                >
                  {t('criteriaSets.editor.delete')}
                </Button>
              </Space>
            </div>
          )}
          {nodes.length === 0 ? (
            <EmptyState
              testId="criteria-tree-empty"
              title={t('criteriaSets.editor.emptyTree')}
              description={readOnly ? undefined : t('criteriaSets.editor.emptyTreeHelp')}
            />
          ) : (
            <CriteriaTree
              nodes={nodes}
              selectedKey={selectedKey}
              onSelect={setSelectedKey}
              issues={issues.byKey}
              readOnly={readOnly}
              onMove={(drag, target, position) => change(moveNode(nodes, drag, target, position))}
              onKeyboardMove={(key, move) => change(moveByKeyboard(nodes, key, move))}
              onEdit={focusForm}
              onAddChild={(key) => add('child', key)}
              onAddSibling={(key) => add('sibling', key)}
              onDelete={confirmDelete}
            />
          )}
          <Collapse
            ghost
            size="small"
            style={{ marginTop: 12 }}
            items={[
              {
                key: 'keys',
                label: t('criteriaSets.editor.shortcuts'),
                children: (
                  <ul
                    data-testid="criteria-shortcuts"
                    style={{ margin: 0, paddingInlineStart: 20 }}
                  >
                    {(
                      [
                        'arrows',
                        'enter',
                        'altUpDown',
                        'altLeftRight',
                        'altN',
                        'altShiftN',
                        'delete',
                        'escape',
                        'drag',
                      ] as const
                    ).map((k) => (
                      <li key={k}>{t(`criteriaSets.editor.shortcut.${k}`)}</li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={11}>
        <Card
          onKeyDown={(event) => {
            // Escape leaves the form for the tree, unless a dropdown inside used it to close.
            if (event.key === 'Escape' && !event.defaultPrevented) focusTree();
          }}
        >
          {selected ? (
            <NodeForm
              key={selected.key}
              node={selected}
              leaf={summaries.get(selected.key)?.leaf ?? true}
              childrenSum={summaries.get(selected.key)?.childrenSum ?? null}
              readOnly={readOnly}
              unitOptions={unitOptions}
              unitsLoading={units.loading}
              issues={issues.byKey.get(selected.key) ?? []}
              fieldIssues={issues.fieldsByKey.get(selected.key) ?? noFieldIssues}
              onApply={(node) => apply(selected.key, node)}
            />
          ) : (
            <EmptyState
              testId="criteria-no-selection"
              title={t('criteriaSets.editor.noSelection')}
            />
          )}
        </Card>
      </Col>
    </Row>
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
        extra={
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
        }
      />
      {statusAlert}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          items={[
            { key: 'index', label: t('criteriaSets.column.index'), children: set.indexCode },
            { key: 'year', label: t('criteriaSets.column.year'), children: set.year },
            { key: 'group', label: t('criteriaSets.column.unitGroup'), children: set.unitGroup },
            {
              key: 'edition',
              label: t('criteriaSets.column.edition'),
              children: (
                <Space>
                  {set.edition}
                  <CriteriaSetStatusTag status={set.status} />
                </Space>
              ),
            },
            {
              key: 'total',
              label: t('criteriaSets.column.totalMax'),
              children: (
                <Typography.Text strong data-testid="criteria-set-total">
                  {formatPoints(totalMax)}
                </Typography.Text>
              ),
            },
            {
              key: 'leaves',
              label: t('criteriaSets.column.leafCount'),
              children: <span data-testid="criteria-set-leaf-count">{leafCount}</span>,
            },
            {
              key: 'valid',
              label: t('criteriaSets.column.valid'),
              children:
                view === null ? (
                  <Tag>{t('criteriaSets.editor.checking')}</Tag>
                ) : issues.count === 0 ? (
                  <Tag color="green" data-testid="criteria-set-valid">
                    {t('criteriaSets.valid')}
                  </Tag>
                ) : (
                  <Tag color="red" data-testid="criteria-set-invalid">
                    {t('criteriaSets.issues', { count: issues.count })}
                  </Tag>
                ),
            },
            {
              key: 'changes',
              label: t('criteriaSets.editor.changes'),
              children: dirty ? (
                <Tag color="orange" data-testid="criteria-set-unsaved">
                  {t('criteriaSets.editor.unsaved')}
                </Tag>
              ) : (
                t('criteriaSets.editor.allSaved')
              ),
            },
          ]}
        />
        {issues.setIssues.length > 0 ? (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            title={issues.setIssues.join(' ')}
          />
        ) : null}
      </Card>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'tree', label: t('criteriaSets.editor.tabTree'), children: treePane },
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
                  children: (
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
                          after={contractNodes}
                          beforeLabel={t('criteriaSets.editionLabel', {
                            edition: base.data.edition,
                            year: base.data.year,
                          })}
                          afterLabel={t('criteriaSets.editionLabel', {
                            edition: set.edition,
                            year: set.year,
                          })}
                        />
                      ) : (
                        <Loading />
                      )}
                    </Card>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={conflict !== null}
        title={t('criteriaSets.editor.conflictTitle')}
        onCancel={() => setConflict(null)}
        okText={t('criteriaSets.editor.reload')}
        cancelText={t('criteriaSets.editor.keepEditing')}
        okButtonProps={testId('criteria-set-reload')}
        onOk={() => {
          setConflict(null);
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

/** antd types a button's props without data attributes, though it passes them on. */
function testId(id: string): Record<`data-${string}`, string> {
  return { 'data-testid': id };
}
