/**
 * "Gửi kết quả vòng N": the round's progress over every assigned unit, and sending it after a
 * confirmation that lists any gap (the server refuses a round with gaps and names them). Once
 * sent, a notice says so and that only the Department of Home Affairs can reopen it.
 */
import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Flex, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RoundGap, appraisalRoundActions, formatVietnamDateTime } from '@par/contracts';
import type { AppraisalPeriodView, RoundState, Worklist, WorklistUnit } from '@par/contracts';
import { isApiError, useApiClient } from '@par/client';
import { ns } from '../i18n';
import { roundGaps } from './worklist-query';

export interface SendRoundPanelProps {
  period: AppraisalPeriodView;
  round: 1 | 2;
  state: RoundState | null;
  units: readonly WorklistUnit[];
  /** The list is filtered: its units are not all the round's, so gaps come from the totals. */
  filtered: boolean;
  totals: Worklist['totals'];
  onSent: () => void;
}

/** The server's list of gaps, when it refused the round for them. */
const serverGaps = (error: unknown): RoundGap[] | null => {
  if (!isApiError(error) || error.status !== 409) return null;
  const gaps = RoundGap.array().safeParse((error.current as { gaps?: unknown } | null)?.gaps);
  return gaps.success ? gaps.data : null;
};

export function SendRoundPanel({
  period,
  round,
  state,
  units,
  filtered,
  totals,
  onSent,
}: SendRoundPanelProps) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  const [sending, setSending] = useState(false);
  const [refused, setRefused] = useState<{ text: string; gaps: RoundGap[] | null } | null>(null);
  const appraised = round === 1 ? totals.round1Appraised : totals.round2Appraised;
  const missing = totals.assigned - appraised;
  const gaps = filtered ? [] : roundGaps(units, round);

  if (state?.sentAt)
    return (
      <Alert
        type="success"
        showIcon
        data-testid="round-sent"
        message={t('send.sentNotice', { round, at: formatVietnamDateTime(state.sentAt) })}
      />
    );

  const send = async () => {
    setSending(true);
    setRefused(null);
    try {
      const sent = await api.callAction(appraisalRoundActions.sendRound, {
        periodId: period.id,
        round,
      });
      setOpen(false);
      void message.success(
        t('send.sent', { round, at: sent.sentAt ? formatVietnamDateTime(sent.sentAt) : '' }),
      );
      onSent();
    } catch (error) {
      setRefused({
        text: isApiError(error) ? error.message : String(error),
        gaps: serverGaps(error),
      });
    } finally {
      setSending(false);
    }
  };

  return (
    <Card size="small" data-testid="send-round">
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Flex vertical>
          <Typography.Text strong data-testid="round-totals">
            {t('worklist.totals', {
              round,
              appraised: appraised.toLocaleString('vi-VN'),
              assigned: totals.assigned.toLocaleString('vi-VN'),
              units: totals.units.toLocaleString('vi-VN'),
            })}
          </Typography.Text>
          {state?.reopened ? (
            <Typography.Text type="warning" data-testid="round-reopened">
              {t('send.reopened', {
                round,
                at: formatVietnamDateTime(state.reopened.at),
                reason: state.reopened.reason,
              })}
            </Typography.Text>
          ) : null}
        </Flex>
        <Button
          type="primary"
          onClick={() => {
            setRefused(null);
            setOpen(true);
          }}
          data-testid="send-round-open"
        >
          {t('send.button', { round })}
        </Button>
      </Flex>
      <Modal
        open={open}
        title={t('send.title', { round })}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        data-testid="send-round-dialog"
        footer={
          <Flex justify="flex-end" gap={8}>
            <Button onClick={() => setOpen(false)} data-testid="send-round-cancel">
              {missing > 0 ? t('send.close') : t('send.cancel')}
            </Button>
            <Button
              type="primary"
              loading={sending}
              disabled={missing > 0}
              onClick={() => void send()}
              data-testid="send-round-confirm"
            >
              {t('send.confirm')}
            </Button>
          </Flex>
        }
      >
        {missing > 0 ? (
          <Alert
            type="warning"
            showIcon
            data-testid="send-round-gaps"
            message={t('send.gapsTitle', { count: missing })}
            description={
              <>
                <Typography.Paragraph style={{ marginBottom: 4 }}>
                  {t('send.gapsDescription')}
                </Typography.Paragraph>
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {gaps.map((gap) => (
                    <li key={gap.unitCode} data-testid={`gap-${gap.unitCode}`}>
                      {t('send.gapUnit', {
                        unit: `${gap.unitName} (${gap.unitCode})`,
                        missing: gap.missing,
                      })}
                    </li>
                  ))}
                </ul>
              </>
            }
          />
        ) : (
          <Typography.Paragraph data-testid="send-round-ready">
            {t('send.ready', { round, assigned: totals.assigned.toLocaleString('vi-VN') })}
          </Typography.Paragraph>
        )}
        {refused ? (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            data-testid="send-round-refused"
            message={refused.text}
            description={
              refused.gaps && refused.gaps.length > 0 ? (
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {refused.gaps.map((gap) => (
                    <li key={`${gap.unitCode}-${gap.criterionCode}`}>
                      {t('send.gapEntry', { unit: gap.unitCode, code: gap.criterionCode })}
                    </li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        ) : null}
      </Modal>
    </Card>
  );
}
