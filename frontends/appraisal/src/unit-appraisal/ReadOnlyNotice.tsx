/** Why the appraiser cannot write this round now; after sending, that it is sent and locked. */
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatVietnamDateTime } from '@par/contracts';
import type { AppraisalRound, UnitAppraisal } from '@par/contracts';
import { ns } from '../i18n';

export function ReadOnlyNotice({ data, round }: { data: UnitAppraisal; round: AppraisalRound }) {
  const { t } = useTranslation(ns);
  const reason = data.readOnly;
  if (reason === null) return null;
  const sentAt = data.rounds.find((state) => state.round === round)?.sentAt ?? null;
  const text = {
    notOpen:
      data.period.currentPhase === 'clarification'
        ? t('readOnly.clarification')
        : t('readOnly.notOpen'),
    phaseClosed: t('readOnly.phaseClosed', { phase: t(`phase.${data.period.currentPhase}`) }),
    deadlinePassed: t('readOnly.deadlinePassed', {
      at: data.period.deadline ? formatVietnamDateTime(data.period.deadline) : '—',
    }),
    sent: t('readOnly.sent', {
      round,
      at: sentAt ? formatVietnamDateTime(sentAt) : '—',
    }),
    unitNotReady: t('readOnly.unitNotReady'),
  }[reason];
  return (
    <Alert
      type={reason === 'sent' ? 'success' : 'info'}
      showIcon
      message={text}
      data-testid="read-only"
      data-reason={reason}
    />
  );
}
