/** Another council member saved this entry differently: both versions side by side, and the choice. */
import { Alert, Button, Card, Col, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatVietnamDateTime } from '@par/contracts';
import type { AppraisalEntry, AppraisalRound, CriterionNode } from '@par/contracts';
import { liveScore } from '@par/entry-ui';
import type { ConflictChoice } from '@par/entry-ui';
import { formatHundredths } from '@par/scoring';
import { currentLanguage } from '@par/ui';
import { ns } from '../i18n';
import { roundValue } from './form-state';
import type { AppraisalDraft } from './form-state';

export interface AppraisalConflictPanelProps {
  node: CriterionNode;
  round: AppraisalRound;
  mine: AppraisalDraft;
  theirs: AppraisalEntry;
  onChoose: (choice: ConflictChoice) => void;
}

export function AppraisalConflictPanel({
  node,
  round,
  mine,
  theirs,
  onChoose,
}: AppraisalConflictPanelProps) {
  const { t } = useTranslation(ns);
  const locale = currentLanguage();
  const myScore = liveScore(node, mine, null);
  const value = roundValue(theirs, round);
  const name = value?.by.username ?? t('conflict.someone');
  const id = `conflict-${node.code}`;
  const version = (testId: string, title: string, score: number | null, reason: string) => (
    <Card size="small" title={title} data-testid={testId} style={{ height: '100%' }}>
      <Typography.Paragraph style={{ marginBottom: 4 }} data-testid={`${testId}-score`}>
        {t('conflict.score', {
          score: score === null ? t('conflict.noScore') : formatHundredths(score, locale),
        })}
      </Typography.Paragraph>
      {reason ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
          {t('conflict.reason', { reason })}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
  return (
    <Alert
      type="warning"
      showIcon
      data-testid={id}
      message={t('conflict.title', {
        name,
        at: value ? formatVietnamDateTime(value.at) : '—',
      })}
      description={
        <Flex vertical gap={12}>
          <Row gutter={[12, 12]}>
            <Col xs={24} md={12}>
              {version(
                `${id}-mine`,
                t('conflict.mine'),
                myScore.ok ? myScore.score : null,
                mine.reason,
              )}
            </Col>
            <Col xs={24} md={12}>
              {version(
                `${id}-theirs`,
                t('conflict.theirs', { name }),
                value?.score ?? null,
                value?.reason ?? '',
              )}
            </Col>
          </Row>
          <Flex gap={8} wrap>
            <Button type="primary" onClick={() => onChoose('mine')} data-testid={`${id}-keep-mine`}>
              {t('conflict.keepMine')}
            </Button>
            <Button onClick={() => onChoose('theirs')} data-testid={`${id}-take-theirs`}>
              {t('conflict.takeTheirs')}
            </Button>
          </Flex>
        </Flex>
      }
    />
  );
}
