/**
 * The editor's working area: the tree with its edit buttons and shortcuts beside the selected
 * node's form. Owns the selection and turns the buttons, the keyboard and drag and drop into
 * changes of the draft.
 */
import { useMemo, useState } from 'react';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Col, Collapse, Row, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { accountsActions } from '@par/contracts';
import { useAllPages } from '@par/client';
import { EmptyState } from '@par/ui';
import { ns } from '../i18n';
import { CriteriaTree } from './CriteriaTree';
import {
  addChild,
  addSibling,
  moveByKeyboard,
  moveNode,
  removeNode,
  subtreeKeys,
} from './criteria-tree';
import { NodeForm } from './NodeForm';
import { testId } from './test-id';
import type { CriteriaSetDraft } from './use-criteria-set-draft';

const noFieldIssues: ReadonlyArray<{ field: string; message: string }> = [];

const shortcuts = [
  'arrows',
  'enter',
  'altUpDown',
  'altLeftRight',
  'altN',
  'altShiftN',
  'delete',
  'escape',
  'drag',
] as const;

export function CriteriaTreePane({
  draft,
}: {
  draft: Pick<CriteriaSetDraft, 'nodes' | 'readOnly' | 'issues' | 'figures' | 'change' | 'apply'>;
}) {
  const { t } = useTranslation(ns);
  const { modal } = AntApp.useApp();
  const { nodes, readOnly, issues, figures, change, apply } = draft;
  const [selectedKey, setSelectedKey] = useState<string | null>(() => nodes[0]?.key ?? null);
  const selected = nodes.find((node) => node.key === selectedKey) ?? null;

  const units = useAllPages(accountsActions.listUnits, { limit: 1000 });
  const unitOptions = useMemo(
    () =>
      (units.data?.items ?? []).map((unit) => ({
        value: unit.code,
        label: `${unit.code} — ${unit.name}`,
      })),
    [units.data],
  );

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

  return (
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
              figures={figures}
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
                    {shortcuts.map((k) => (
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
              leaf={figures.get(selected.key)?.leaf ?? true}
              childrenSum={figures.get(selected.key)?.childrenSum ?? null}
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
}
