/**
 * The criteria set as the unit fills it: one card per area with its score and progress, the
 * criteria under it, and the leaves. Rendered once; only leaves and scores re-render as one types.
 */
import { memo } from 'react';
import { Card, Flex, Typography } from 'antd';
import type { LinkedSource, UnitCriterionNode } from '@par/contracts';
import { formatHundredths } from '@par/scoring';
import { currentLanguage } from '@par/ui';
import { AreaProgress } from './AreaProgress';
import type { EntryStore } from './entry-store';
import { LeafEntry } from './LeafEntry';
import { useNodeScore } from './store-hooks';

export interface CriteriaTreeProps {
  store: EntryStore;
  periodId: string;
  readOnly: boolean;
  /** The first leaf in keyboard order, whose input carries `data-first-input`. */
  firstLeaf: string | null;
  /** What each linked leaf's source holds, by the leaf's code. */
  linkedSources: ReadonlyMap<string, LinkedSource>;
}

export const CriteriaTree = memo(function CriteriaTree({
  store,
  periodId,
  readOnly,
  firstLeaf,
  linkedSources,
}: CriteriaTreeProps) {
  const { nodes, tree } = store;
  const render = (i: number, depth: number) => {
    const node = nodes[i]!;
    const kids = tree.children[i]!;
    if (kids.length === 0)
      return (
        <LeafEntry
          key={node.code}
          store={store}
          node={node}
          periodId={periodId}
          readOnly={readOnly}
          first={node.code === firstLeaf}
          depth={depth}
          linked={linkedSources.get(node.code)}
        />
      );
    return (
      <div key={node.code} data-testid={`criterion-${node.code}`}>
        <Flex
          justify="space-between"
          gap={8}
          style={{ padding: '8px 16px', marginInlineStart: depth * 16, background: '#fafafa' }}
        >
          <Typography.Text strong>
            {node.code}. {node.title}
          </Typography.Text>
          <NodeScore store={store} node={node} />
        </Flex>
        {kids.map((kid) => render(kid, depth + 1))}
      </div>
    );
  };

  return (
    <Flex vertical gap={16}>
      {tree.roots.map((root) => {
        const area = nodes[root]!;
        const kids = tree.children[root]!;
        return (
          <Card
            key={area.code}
            data-testid={`area-${area.code}`}
            title={
              <Flex justify="space-between" gap={8} wrap>
                <Typography.Title
                  level={2}
                  style={{ fontSize: 18, margin: 0, whiteSpace: 'normal' }}
                >
                  {area.code}. {area.title}
                </Typography.Title>
                <NodeScore store={store} node={area} testId={`area-${area.code}-score`} />
              </Flex>
            }
            styles={{ body: { padding: '8px 0' } }}
          >
            <div style={{ padding: '0 16px 8px' }}>
              <AreaProgress store={store} areaCode={area.code} />
            </div>
            {kids.length ? kids.map((kid) => render(kid, 0)) : render(root, 0)}
          </Card>
        );
      })}
    </Flex>
  );
});

function NodeScore({
  store,
  node,
  testId,
}: {
  store: EntryStore;
  node: UnitCriterionNode;
  testId?: string;
}) {
  const score = useNodeScore(store, node.code);
  const max = store.summary().maxima.get(node.code) ?? node.maxScore;
  const locale = currentLanguage();
  return (
    <Typography.Text strong data-testid={testId ?? `criterion-${node.code}-score`}>
      {formatHundredths(score, locale)} / {formatHundredths(max, locale)}
    </Typography.Text>
  );
}
