/** The unit's total, computed live by the kernel, its progress, and what still blocks submission. */
import { memo, useMemo, useSyncExternalStore } from 'react';
import { Card, Flex, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LeafGap } from '@par/scoring';
import { formatHundredths } from '@par/scoring';
import { currentLanguage } from '@par/ui';
import { criterionAnchor, focusCriterion } from '@par/entry-ui';
import { ns } from '../i18n';
import { ProgressLine } from './AreaProgress';
import type { EntryStore } from './entry-store';
import { useSummary } from './store-hooks';

export function ProgressSummary({ store }: { store: EntryStore }) {
  const { t } = useTranslation(ns);
  const summary = useSummary(store);
  const locale = currentLanguage();

  return (
    <Card data-testid="progress-summary">
      <Flex gap={32} wrap align="flex-start">
        <Statistic
          title={t('summary.total')}
          value={`${formatHundredths(summary.total, locale)} / ${formatHundredths(summary.totalMax, locale)}`}
          valueStyle={{ fontSize: 22 }}
          data-testid="summary-total"
        />
        <Flex vertical gap={4} style={{ flex: 1, minWidth: 260 }}>
          <Typography.Text strong>{t('summary.progress')}</Typography.Text>
          <ProgressLine counts={summary.completeness.total} testId="summary-progress" />
        </Flex>
      </Flex>
      <Blockers store={store} />
    </Card>
  );
}

/**
 * The leaves that still lack something, each a link to the criterion. Its subscription reads a
 * signature of the gaps, so typing a score into a scored leaf does not redraw the list.
 */
const Blockers = memo(function Blockers({ store }: { store: EntryStore }) {
  const { t } = useTranslation(ns);
  const signature = useSyncExternalStore(store.subscribe, () =>
    store
      .summary()
      .completeness.leaves.filter((leaf) => !leaf.done)
      .map((leaf) => `${leaf.code}:${leaf.missing.join(',')}`)
      .join(';'),
  );
  const gaps = useMemo(
    () =>
      signature
        ? signature.split(';').map((item) => {
            const [code = '', missing = ''] = item.split(':');
            return { code, missing: missing.split(',') as LeafGap[] };
          })
        : [],
    [signature],
  );
  const titles = useMemo(
    () => new Map(store.nodes.map((node) => [node.code, node.title])),
    [store],
  );

  return (
    <div style={{ marginTop: 16 }} data-testid="blockers">
      {gaps.length === 0 ? (
        <Typography.Text type="success" data-testid="blockers-none">
          {t('blockers.none')}
        </Typography.Text>
      ) : (
        <details open>
          <summary style={{ cursor: 'pointer' }}>
            <Typography.Text strong data-testid="blockers-count">
              {t('blockers.title', { count: gaps.length })}
            </Typography.Text>
          </summary>
          <ul style={{ marginTop: 8, maxHeight: 280, overflow: 'auto' }}>
            {gaps.map((gap) => (
              <li key={gap.code} data-testid={`blocker-${gap.code}`}>
                <a
                  href={`#${criterionAnchor(gap.code)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    focusCriterion(gap.code);
                  }}
                >
                  {gap.code}. {titles.get(gap.code)}
                </a>{' '}
                — {gap.missing.map((missing) => t(`blockers.missing.${missing}`)).join(', ')}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
});
