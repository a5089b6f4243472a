/** One area's progress by the shared completeness rule: scored, explained, with evidence, done. */
import { memo, useSyncExternalStore } from 'react';
import { Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CompletenessCounts } from '@par/scoring';
import { ns } from '../i18n';
import type { EntryStore } from './entry-store';

const none: CompletenessCounts = { leaves: 0, done: 0, scored: 0, explained: 0, withEvidence: 0 };

export function AreaProgress({ store, areaCode }: { store: EntryStore; areaCode: string }) {
  // A string, so the area re-renders only when one of its counts changes, not on every keystroke.
  const signature = useSyncExternalStore(store.subscribe, () => {
    const area = store.summary().completeness.areas.find((a) => a.areaCode === areaCode) ?? none;
    return [area.leaves, area.done, area.scored, area.explained, area.withEvidence].join('/');
  });
  const [leaves = 0, done = 0, scored = 0, explained = 0, withEvidence = 0] = signature
    .split('/')
    .map(Number);
  return (
    <ProgressLine
      counts={{ leaves, done, scored, explained, withEvidence }}
      testId={`area-${areaCode}-progress`}
    />
  );
}

export const ProgressLine = memo(function ProgressLine({
  counts,
  testId,
}: {
  counts: CompletenessCounts;
  testId: string;
}) {
  const { t } = useTranslation(ns);
  const percent = counts.leaves ? Math.floor((counts.done * 100) / counts.leaves) : 100;
  return (
    <Flex gap={12} align="center" wrap data-testid={testId}>
      <Progress percent={percent} size="small" style={{ width: 160, margin: 0 }} />
      <Typography.Text type="secondary" data-testid={`${testId}-text`}>
        {t('progress.counts', {
          done: counts.done,
          scored: counts.scored,
          explained: counts.explained,
          evidence: counts.withEvidence,
          total: counts.leaves,
        })}
      </Typography.Text>
    </Flex>
  );
});
