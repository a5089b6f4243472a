/** Another officer saved this entry differently: both versions side by side, and the choice. */
import { Alert, Button, Card, Col, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatVietnamDateTime } from '@par/contracts';
import type { Entry, UnitCriterionNode } from '@par/contracts';
import { formatHundredths } from '@par/scoring';
import { currentLanguage } from '@par/ui';
import type { ConflictChoice } from '@par/entry-ui';
import { ns } from '../i18n';
import { liveScore } from './form-state';
import type { EntryDraft } from './form-state';

export interface ConflictPanelProps {
  node: UnitCriterionNode;
  mine: EntryDraft;
  theirs: Entry;
  onChoose: (choice: ConflictChoice) => void;
}

export function ConflictPanel({ node, mine, theirs, onChoose }: ConflictPanelProps) {
  const { t } = useTranslation(ns);
  const locale = currentLanguage();
  const myScore = liveScore(node, mine, theirs);
  const id = `conflict-${node.code}`;
  const version = (
    testId: string,
    title: string,
    score: number | null,
    explanation: string,
    missing: string,
  ) => (
    <Card size="small" title={title} data-testid={testId} style={{ height: '100%' }}>
      <Typography.Paragraph style={{ marginBottom: 4 }} data-testid={`${testId}-score`}>
        {t('conflict.score', {
          score: score === null ? t('conflict.noScore') : formatHundredths(score, locale),
        })}
      </Typography.Paragraph>
      <Typography.Paragraph
        style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
        data-testid={`${testId}-explanation`}
      >
        {explanation || t('conflict.noExplanation')}
      </Typography.Paragraph>
      {missing ? (
        <Typography.Paragraph
          type="secondary"
          style={{ whiteSpace: 'pre-wrap', marginTop: 4, marginBottom: 0 }}
        >
          {t('conflict.missingEvidence', { text: missing })}
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
        name: theirs.updatedBy?.username ?? t('conflict.someone'),
        at: theirs.updatedAt ? formatVietnamDateTime(theirs.updatedAt) : '—',
      })}
      description={
        <Flex vertical gap={12}>
          <Row gutter={[12, 12]}>
            <Col xs={24} md={12}>
              {version(
                `${id}-mine`,
                t('conflict.mine'),
                myScore.ok ? myScore.score : null,
                mine.explanation,
                mine.missingEvidenceExplanation,
              )}
            </Col>
            <Col xs={24} md={12}>
              {version(
                `${id}-theirs`,
                t('conflict.theirs', { name: theirs.updatedBy?.username ?? t('conflict.someone') }),
                theirs.score,
                theirs.explanation,
                theirs.missingEvidenceExplanation,
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
