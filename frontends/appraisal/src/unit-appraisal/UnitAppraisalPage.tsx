/**
 * One unit's appraisal in the current round: the assigned criteria grouped by area, each with the
 * unit's self-assessment and evidence beside the appraiser's input; totals so far; autosave;
 * Alt+↓ / Alt+↑ between criteria; read-only with a notice once the round is sent.
 */
import { useMemo } from 'react';
import { Alert, Breadcrumb, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CriterionNode } from '@par/contracts';
import { EntryPageState, leafOrder, useEntryPage } from '@par/entry-ui';
import { EmptyState, ErrorState, Loading, PageHeader } from '@par/ui';
import { useBasePath } from '../base-path';
import { ns } from '../i18n';
import { appraisalRoutes } from '../routes';
import type { AppraisalStore } from './appraisal-store';
import { AppraisalLeaf } from './AppraisalLeaf';
import { AppraisalTotals } from './AppraisalTotals';
import { ReadOnlyNotice } from './ReadOnlyNotice';
import { useUnitAppraisal } from './use-unit-appraisal';

export default function UnitAppraisalPage() {
  const { t } = useTranslation(ns);
  const { periodId = '', unitCode = '' } = useParams();
  const basePath = useBasePath();
  const { query, data, store, readOnlyNow, refusal } = useUnitAppraisal(periodId, unitCode);
  const back = appraisalRoutes.worklist.to(basePath, `period=${periodId}`);

  if (query.error && !data)
    return (
      <ErrorState
        testId="unit-appraisal-error"
        title={t('unit.loadFailed')}
        description={query.error.message}
        onRetry={query.reload}
      />
    );
  if (!data || !store) return <Loading />;

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to={back}>{t('unit.back')}</Link> }, { title: data.unit.name }]}
      />
      <Loaded
        data={data}
        store={store}
        readOnly={data.readOnly !== null || readOnlyNow}
        refusal={refusal}
      />
    </>
  );
}

interface LoadedProps {
  data: NonNullable<ReturnType<typeof useUnitAppraisal>['data']>;
  store: AppraisalStore;
  readOnly: boolean;
  refusal: string | null;
}

function Loaded({ data, store, readOnly, refusal }: LoadedProps) {
  const { t } = useTranslation(ns);
  const assigned = useMemo(() => new Set(store.leafCodes), [store]);
  const order = useMemo(
    () => leafOrder(data.nodes).filter((code) => assigned.has(code)),
    [data.nodes, assigned],
  );
  const areas = useMemo(() => groupByArea(data.nodes, order), [data.nodes, order]);
  const { pageState, onKeyDown } = useEntryPage(store, order);

  return (
    <div onKeyDown={onKeyDown}>
      <PageHeader
        title={`${data.unit.name} (${data.unit.code})`}
        description={`${data.period.name} · ${t('unit.round', { round: store.round })} · ${t(
          `phase.${data.period.currentPhase}`,
        )}`}
        extra={<EntryPageState state={pageState} hint={t('keyboard.hint')} />}
      />
      <Flex vertical gap={16}>
        {refusal ? (
          <Alert
            type="warning"
            showIcon
            message={t('unit.saveRefused', { message: refusal })}
            data-testid="save-refused"
          />
        ) : null}
        <ReadOnlyNotice data={data} round={store.round} />
        <AppraisalTotals store={store} />
        {order.length === 0 ? (
          <Card>
            <EmptyState testId="no-entries" title={t('unit.noEntries')} />
          </Card>
        ) : (
          areas.map((area) => (
            <Card
              key={area.node.code}
              data-testid={`area-${area.node.code}`}
              title={
                <Typography.Title
                  level={2}
                  style={{ fontSize: 18, margin: 0, whiteSpace: 'normal' }}
                >
                  {area.node.code}. {area.node.title}
                </Typography.Title>
              }
              styles={{ body: { padding: '8px 0' } }}
            >
              {area.leaves.map((leaf) => (
                <AppraisalLeaf
                  key={leaf.code}
                  store={store}
                  node={leaf}
                  readOnly={readOnly}
                  first={leaf.code === order[0]}
                />
              ))}
            </Card>
          ))
        )}
      </Flex>
    </div>
  );
}

/** The assigned leaves under their area (the top-level ancestor), in keyboard order. */
function groupByArea(
  nodes: readonly CriterionNode[],
  order: readonly string[],
): { node: CriterionNode; leaves: CriterionNode[] }[] {
  const byCode = new Map(nodes.map((node) => [node.code, node]));
  const areaOf = (node: CriterionNode): CriterionNode => {
    let at = node;
    const seen = new Set<string>();
    while (at.parentCode !== null && byCode.has(at.parentCode) && !seen.has(at.code)) {
      seen.add(at.code);
      at = byCode.get(at.parentCode)!;
    }
    return at;
  };
  const areas = new Map<string, { node: CriterionNode; leaves: CriterionNode[] }>();
  for (const code of order) {
    const leaf = byCode.get(code)!;
    const area = areaOf(leaf);
    let group = areas.get(area.code);
    if (!group) areas.set(area.code, (group = { node: area, leaves: [] }));
    group.leaves.push(leaf);
  }
  return [...areas.values()];
}
