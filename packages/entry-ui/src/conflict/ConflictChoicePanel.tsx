/**
 * Another person saved this entry differently: both versions side by side, each with its score
 * and what the page shows of it, and the choice. Each page gives its words and its versions.
 */
import { Alert, Button, Card, Col, Flex, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { ConflictChoice } from './conflict';

/** One version as the panel shows it. */
export interface ConflictSide {
  title: string;
  /** The score line, in the page's words. */
  score: string;
  /** What else the page shows of the version (explanation, reason). */
  body: ReactNode;
}

export interface ConflictChoicePanelProps {
  code: string;
  /** Who saved the other version, and when. */
  message: string;
  mine: ConflictSide;
  theirs: ConflictSide;
  keepMine: string;
  takeTheirs: string;
  onChoose: (choice: ConflictChoice) => void;
}

function Version({ testId, side }: { testId: string; side: ConflictSide }) {
  return (
    <Card size="small" title={side.title} data-testid={testId} style={{ height: '100%' }}>
      <Typography.Paragraph style={{ marginBottom: 4 }} data-testid={`${testId}-score`}>
        {side.score}
      </Typography.Paragraph>
      {side.body}
    </Card>
  );
}

export function ConflictChoicePanel({
  code,
  message,
  mine,
  theirs,
  keepMine,
  takeTheirs,
  onChoose,
}: ConflictChoicePanelProps) {
  const id = `conflict-${code}`;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid={id}
      message={message}
      description={
        <Flex vertical gap={12}>
          <Row gutter={[12, 12]}>
            <Col xs={24} md={12}>
              <Version testId={`${id}-mine`} side={mine} />
            </Col>
            <Col xs={24} md={12}>
              <Version testId={`${id}-theirs`} side={theirs} />
            </Col>
          </Row>
          <Flex gap={8} wrap>
            <Button type="primary" onClick={() => onChoose('mine')} data-testid={`${id}-keep-mine`}>
              {keepMine}
            </Button>
            <Button onClick={() => onChoose('theirs')} data-testid={`${id}-take-theirs`}>
              {takeTheirs}
            </Button>
          </Flex>
        </Flex>
      }
    />
  );
}
