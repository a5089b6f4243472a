/** One group's indices as horizontal bars (plain CSS, no chart library), best first. */
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConsolidationRow } from '@par/contracts';
import { currentLanguage } from '@par/ui';
import { ns } from '../i18n';
import { formatIndex, indexBars } from './results-format';

export interface IndexBarChartProps {
  rows: readonly ConsolidationRow[];
  unitGroup: string;
}

export default function IndexBarChart({ rows, unitGroup }: IndexBarChartProps) {
  const { t } = useTranslation(ns);
  const locale = currentLanguage();
  const bars = indexBars(rows, unitGroup);
  if (bars.length === 0) return null;
  return (
    <figure
      data-testid={`results-chart-${unitGroup}`}
      style={{ margin: '12px 0 0', maxWidth: 720 }}
      aria-label={t('results.chart.label', { group: unitGroup })}
    >
      <Typography.Text type="secondary">
        <figcaption>{t('results.chart.label', { group: unitGroup })}</figcaption>
      </Typography.Text>
      <ol style={{ listStyle: 'none', padding: 0, margin: '8px 0 0' }}>
        {bars.map((bar) => (
          <li
            key={bar.unitCode}
            style={{
              display: 'grid',
              gridTemplateColumns: 'minmax(80px, 160px) 1fr 72px',
              gap: 8,
              alignItems: 'center',
              marginBottom: 4,
            }}
          >
            <span
              title={bar.unitName}
              style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
            >
              {bar.rank ?? '—'}. {bar.unitCode}
            </span>
            <span
              aria-hidden
              style={{ background: 'rgba(0, 0, 0, 0.06)', borderRadius: 4, height: 14 }}
            >
              <span
                style={{
                  display: 'block',
                  width: `${bar.width}%`,
                  height: '100%',
                  borderRadius: 4,
                  background: '#1677ff',
                }}
              />
            </span>
            <span style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
              {formatIndex(bar.index, locale)}
            </span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
