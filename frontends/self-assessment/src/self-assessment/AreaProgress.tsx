/** One area's progress by the shared completeness rule: scored, explained, with evidence, done. */
import { Flex, Progress, Typography } from 'antd';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompletenessCounts } from '@par/scoring';
import { ns } from '../i18n';
import type { EntryStore } from './entry-store';

const none: CompletenessCounts = { leaves: 0, done: 0, scored: 0, explained: 0, withEvidence: 0 };

export function AreaProgress({ store, areaCode }: { store: EntryStore; areaCode: string }) {
  const counts = useSyncExternalStore(
    store.subscribe,
    () => store.summary().completeness.areas.find((area) => area.areaCode === areaCode) ?? none,
  );
  return <ProgressLine counts={counts} testId={`area-${areaCode}-progress`} />;
}

export function ProgressLine({ counts, testId }: { counts: CompletenessCounts; testId: string }) {
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
}
