/**
 * The unit's own result of a published period, on its periods list: its rank in its group, its
 * index, band and change against last year, as the province published them (the public results'
 * `getPublishedUnit`, read for the caller's own unit only).
 */
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { rankingPublicActions, type Locale } from '@par/contracts';
import { useActionQuery } from '@par/client';
import { formatChange, formatPercent } from '@par/scoring';
import { currentLanguage } from '@par/ui';
import { ns } from '../i18n';

export function PublishedStanding({ periodId, unitCode }: { periodId: string; unitCode: string }) {
  const { t } = useTranslation(ns);
  const locale = currentLanguage() as Locale;
  const standing = useActionQuery(rankingPublicActions.getPublishedUnit, { periodId, unitCode });
  const unit = standing.data;
  // Not ranked (e.g. left out of the publication): nothing to say on this line.
  if (!unit) return null;
  const parts = [
    unit.rank === null
      ? t('periods.published.notRanked')
      : t(unit.tied ? 'periods.published.rankTied' : 'periods.published.rank', {
          rank: unit.rank,
          size: unit.groupSize,
        }),
    t('periods.published.index', {
      index: unit.index === null ? '—' : formatPercent(unit.index, locale),
    }),
    ...(unit.band ? [t('periods.published.band', { band: unit.band })] : []),
    ...(unit.change === null
      ? []
      : [t('periods.published.change', { change: formatChange(unit.change, locale) })]),
  ];
  return (
    <Typography.Text data-testid="period-published">
      {t('periods.published.title', { number: unit.number })} {parts.join(' · ')}
    </Typography.Text>
  );
}
