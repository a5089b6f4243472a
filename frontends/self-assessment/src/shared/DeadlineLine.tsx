/** "Hạn nộp: 30/06/2026 17:00 (giờ Việt Nam)", and the extension with its reason when there is one. */
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UnitDeadlineView } from '@par/contracts';
import { ns } from '../i18n';
import { deadlineText } from './deadline';

export function DeadlineLine({
  deadline,
  testId,
}: {
  deadline: UnitDeadlineView;
  testId?: string;
}) {
  const { t } = useTranslation(ns);
  const text = deadlineText(deadline);
  return (
    <span data-testid={testId}>
      {t('deadline.until', { endsAt: text.endsAt })}
      {text.extension ? (
        <Typography.Text
          type="warning"
          style={{ display: 'block' }}
          data-testid={testId && `${testId}-extension`}
        >
          {t('deadline.extended', {
            commonEndsAt: text.extension.commonEndsAt,
            reason: text.extension.reason,
          })}
        </Typography.Text>
      ) : null}
    </span>
  );
}
