/**
 * The set's tree for editing: drag and drop within and between parents, keyboard moves and
 * edits, search that filters and highlights, each node with its maximum, its children's sum,
 * "capped" and its issues. Virtual scrolling keeps a 150-leaf set quick.
 */
import { useMemo, useState } from 'react';
import type { Key, KeyboardEvent } from 'react';
import { SearchOutlined, WarningFilled } from '@ant-design/icons';
import { Flex, Input, Tag, Tooltip, Typography } from 'antd';
import Tree from 'antd/es/tree';
import type { TreeDataNode, TreeProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CriterionNodeView } from '@par/contracts';
import { ns } from '../i18n';
import { formatPoints } from './format-points';
import { childrenOf, dropPositionOf, highlightParts, searchNodes } from './criteria-tree';
import type { DropPosition, EditorNode, KeyboardMove } from './criteria-tree';

export interface CriteriaTreeProps {
  nodes: readonly EditorNode[];
  selectedKey: string | null;
  onSelect: (key: string | null) => void;
  /** Issues to show on each node, already in the user's language. */
  issues: ReadonlyMap<string, readonly string[]>;
  /** The kernel's figures of each node (leaf, children's sum, capped), by node key. */
  figures: ReadonlyMap<string, CriterionNodeView>;
  readOnly: boolean;
  onMove: (dragKey: string, targetKey: string, position: DropPosition) => void;
  onKeyboardMove: (key: string, move: KeyboardMove) => void;
  /** Enter: open the node in the form. */
  onEdit: (key: string) => void;
  onAddChild: (key: string) => void;
  onAddSibling: (key: string) => void;
  onDelete: (key: string) => void;
}

const keyboardMoves: Record<string, KeyboardMove> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowRight: 'indent',
  ArrowLeft: 'outdent',
};

export function CriteriaTree({
  nodes,
  selectedKey,
  onSelect,
  issues,
  figures,
  readOnly,
  onMove,
  onKeyboardMove,
  onEdit,
  onAddChild,
  onAddSibling,
  onDelete,
}: CriteriaTreeProps) {
  const { t } = useTranslation(ns);
  const [query, setQuery] = useState('');
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const { matches, visible } = useMemo(() => searchNodes(nodes, query), [nodes, query]);
  const searching = query.trim() !== '';

  const treeData = useMemo(() => {
    const build = (parentKey: string | null): TreeDataNode[] =>
      childrenOf(nodes, parentKey)
        .filter((node) => visible.has(node.key))
        .map((node) => ({ key: node.key, title: node.code, children: build(node.key) }));
    return build(null);
  }, [nodes, visible]);

  // Every parent is open unless the user closed it; a search opens everything it shows.
  const expandedKeys = useMemo(() => {
    const parents = new Set(nodes.map((node) => node.parentKey));
    return nodes
      .filter((node) => parents.has(node.key) && (searching || !collapsed.has(node.key)))
      .map((node) => node.key);
  }, [nodes, collapsed, searching]);
  const byNodeKey = useMemo(() => new Map(nodes.map((node) => [node.key, node])), [nodes]);

  const onDrop: TreeProps['onDrop'] = (info) => {
    const position = dropPositionOf({
      dropToGap: info.dropToGap,
      dropPosition: info.dropPosition,
      pos: info.node.pos,
      expanded: Boolean(info.node.expanded),
      hasChildren: (info.node.children?.length ?? 0) > 0,
    });
    onMove(String(info.dragNode.key), String(info.node.key), position);
  };

  const onKeyDownCapture = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!selectedKey) return;
    const move = keyboardMoves[event.key];
    if (event.altKey && move) {
      event.preventDefault();
      event.stopPropagation();
      if (!readOnly) onKeyboardMove(selectedKey, move);
      return;
    }
    if (event.key === 'Enter' && !event.altKey) {
      event.preventDefault();
      event.stopPropagation();
      onEdit(selectedKey);
      return;
    }
    if (readOnly) return;
    if (event.altKey && (event.key === 'n' || event.key === 'N')) {
      event.preventDefault();
      event.stopPropagation();
      if (event.shiftKey) onAddChild(selectedKey);
      else onAddSibling(selectedKey);
    } else if (event.key === 'Delete') {
      event.preventDefault();
      event.stopPropagation();
      onDelete(selectedKey);
    }
  };

  const renderTitle = (data: TreeDataNode) => {
    const node = byNodeKey.get(String(data.key));
    if (!node) return null;
    const summary = figures.get(node.key);
    const nodeIssues = issues.get(node.key) ?? [];
    const mismatch =
      summary?.childrenSum !== null &&
      summary?.childrenSum !== undefined &&
      summary.childrenSum !== node.maxScore;
    return (
      <Flex
        gap={8}
        align="baseline"
        wrap
        data-testid={`criteria-node-${node.code}`}
        className={matches.has(node.key) ? 'criteria-node-match' : undefined}
      >
        <Typography.Text strong>{highlight(node.code, query)}</Typography.Text>
        <Typography.Text style={{ flex: '1 1 200px' }}>
          {node.title ? (
            highlight(node.title, query)
          ) : (
            <Typography.Text type="secondary" italic>
              {t('criteriaSets.tree.untitled')}
            </Typography.Text>
          )}
        </Typography.Text>
        <Tag data-testid={`criteria-node-max-${node.code}`}>
          {t('criteriaSets.tree.max', { max: formatPoints(node.maxScore) })}
        </Tag>
        {summary && summary.childrenSum !== null ? (
          <Typography.Text
            type={mismatch && !node.capped ? 'danger' : 'secondary'}
            data-testid={`criteria-node-sum-${node.code}`}
          >
            {t('criteriaSets.tree.childrenSum', { sum: formatPoints(summary.childrenSum) })}
          </Typography.Text>
        ) : null}
        {summary?.capped ? <Tag color="gold">{t('criteriaSets.tree.capped')}</Tag> : null}
        {summary?.leaf && node.rule ? (
          <Tag color="blue">{t(`criteriaSets.rule.${node.rule.type}`)}</Tag>
        ) : null}
        {nodeIssues.length > 0 ? (
          <Tooltip title={nodeIssues.join(' ')}>
            <Typography.Text
              type="danger"
              data-testid={`criteria-node-issues-${node.code}`}
              aria-label={nodeIssues.join(' ')}
            >
              <WarningFilled aria-hidden /> {nodeIssues.length}
            </Typography.Text>
          </Tooltip>
        ) : null}
      </Flex>
    );
  };

  return (
    <div id="criteria-tree-panel" onKeyDownCapture={onKeyDownCapture}>
      <Input
        type="search"
        id="criteria-search"
        data-testid="criteria-search"
        aria-label={t('criteriaSets.tree.searchLabel')}
        placeholder={t('criteriaSets.tree.searchPlaceholder')}
        prefix={<SearchOutlined aria-hidden />}
        allowClear
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        style={{ marginBottom: 12 }}
      />
      {searching ? (
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
          {t('criteriaSets.tree.matches', { count: matches.size })}
        </Typography.Text>
      ) : null}
      <Tree
        data-testid="criteria-tree"
        aria-label={t('criteriaSets.tree.label')}
        blockNode
        showLine
        virtual
        height={560}
        treeData={treeData}
        titleRender={renderTitle}
        draggable={!readOnly && !searching ? { icon: false } : false}
        onDrop={onDrop}
        expandedKeys={expandedKeys}
        onExpand={(_keys: Key[], info) => {
          const key = String(info.node.key);
          setCollapsed((previous) => {
            const next = new Set(previous);
            if (info.expanded) next.delete(key);
            else next.add(key);
            return next;
          });
        }}
        selectedKeys={selectedKey ? [selectedKey] : []}
        activeKey={selectedKey}
        onActiveChange={(key) => {
          // The tree clears its active node when its data changes; the selection stays.
          if (key !== null && key !== undefined) onSelect(String(key));
        }}
        onSelect={(keys) => onSelect(keys.length > 0 ? String(keys[0]) : selectedKey)}
      />
    </div>
  );
}

function highlight(text: string, query: string) {
  return highlightParts(text, query).map((part, i) =>
    part.match ? (
      <mark key={i} style={{ padding: 0, background: '#ffe58f' }}>
        {part.text}
      </mark>
    ) : (
      <span key={i}>{part.text}</span>
    ),
  );
}
