/** Why the unit cannot change its self-assessment now, with the deadline in Vietnam time. */
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatVietnamDateTime } from '@par/contracts';
import type { SelfAssessment } from '@par/contracts';
import { useBasePath } from '../base-path';
import { ns } from '../i18n';
import { selfAssessmentRoutes } from '../routes';
import { selfAssessmentStart } from '../unit-periods/period-groups';

export function ReadOnlyNotice({ data }: { data: SelfAssessment }) {
  const { t } = useTranslation(ns);
  const basePath = useBasePath();
  const reason = data.readOnly;
  if (reason === null) return null;
  const deadline = data.period.deadline;
  const start = selfAssessmentStart(data.period);
  const at = (instant: string | null | undefined) =>
    instant ? formatVietnamDateTime(instant) : '—';
  const text = {
    notOpen: t('readOnly.notOpen', { at: at(start) }),
    deadlinePassed: t('readOnly.deadlinePassed', { at: at(deadline?.endsAt) }),
    submitted: t('readOnly.submitted', {
      at: at(data.state.submittedAt),
      name: data.state.submittedBy?.username ?? '—',
      deadline: at(deadline?.endsAt),
    }),
    phaseClosed: t('readOnly.phaseClosed', { phase: t(`phase.${data.period.currentPhase}`) }),
  }[reason];
  return (
    <Alert
      type={reason === 'submitted' ? 'success' : 'info'}
      showIcon
      message={t(`readOnly.title.${reason}`)}
      description={text}
      data-testid="read-only"
      data-reason={reason}
      action={
        // In the clarification phase the unit answers the appraisers' questions on its own page.
        data.period.currentPhase === 'clarification' ? (
          <Link to={selfAssessmentRoutes.clarification.to(basePath, data.period.periodId)}>
            <Button type="primary" data-testid="open-clarification">
              {t('readOnly.clarify')}
            </Button>
          </Link>
        ) : null
      }
    />
  );
}
