/**
 * The results charts (plain CSS bars, as IndexBarChart): one unit's profile by area against its
 * group's average, the distribution of indices, and each unit's change against last year. Each
 * chart has its figures as a table too, for screen readers and for reading exact values.
 */
import { useState } from 'react';
import type { CSSProperties, ReactNode } from 'react';
import { Card, Flex, Typography } from 'antd';
import Select from 'antd/es/select';
import { useTranslation } from 'react-i18next';
import type { Consolidation, Locale } from '@par/contracts';
import { currentLanguage } from '@par/ui';
import { ns } from '../../i18n';
import { formatChange, formatIndex, unitGroupsOf } from '../results-format';
import { areaProfile, changeBars, indexHistogram } from './results-charts';

const track: CSSProperties = { background: 'rgba(0, 0, 0, 0.06)', borderRadius: 4, height: 12 };
const numbers: CSSProperties = { textAlign: 'right', fontVariantNumeric: 'tabular-nums' };
const rowGrid = (columns: string): CSSProperties => ({
  display: 'grid',
  gridTemplateColumns: columns,
  gap: 8,
  alignItems: 'center',
  marginBottom: 4,
});
const bar = (width: number, background: string): CSSProperties => ({
  display: 'block',
  width: `${Math.min(100, Math.max(0, width))}%`,
  height: '100%',
  borderRadius: 4,
  background,
});

/** A chart's figures as a table, folded under the chart. */
function FiguresTable({
  testId,
  head,
  rows,
}: {
  testId: string;
  head: string[];
  rows: Array<{ key: string; cells: ReactNode[] }>;
}) {
  const { t } = useTranslation(ns);
  return (
    <details style={{ marginTop: 8 }}>
      <summary>{t('resultsCharts.table')}</summary>
      <table data-testid={testId} style={{ borderCollapse: 'collapse', marginTop: 8 }}>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col" style={{ textAlign: 'left', padding: '2px 12px 2px 0' }}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              {r.cells.map((cell, i) => (
                <td key={i} style={{ padding: '2px 12px 2px 0' }}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function AreaProfile({
  draft,
  unitCode,
  locale,
}: {
  draft: Consolidation;
  unitCode: string;
  locale: Locale;
}) {
  const { t } = useTranslation(ns);
  const profile = areaProfile(draft.rows, unitCode);
  if (!profile) return null;
  const caption = t('resultsCharts.profile.caption', {
    unit: unitCode,
    group: profile.unitGroup,
  });
  return (
    <figure data-testid="results-chart-profile" style={{ margin: 0 }} aria-label={caption}>
      <figcaption>
        <Typography.Text strong>{caption}</Typography.Text>
      </figcaption>
      <Typography.Text type="secondary">
        <span style={{ color: '#1677ff' }}>■</span> {t('resultsCharts.profile.unit')}{' '}
        <span style={{ color: '#faad14' }}>■</span> {t('resultsCharts.profile.average')}
      </Typography.Text>
      <ul style={{ listStyle: 'none', padding: 0, margin: '8px 0 0' }}>
        {profile.bars.map((area) => (
          <li key={area.code} style={rowGrid('minmax(60px, 120px) 1fr 72px')}>
            <span>{t('resultsCharts.profile.area', { code: area.code })}</span>
            <span aria-hidden style={{ display: 'grid', gap: 2 }}>
              <span style={track}>
                <span style={bar((area.unit ?? 0) / 100, '#1677ff')} />
              </span>
              <span style={track}>
                <span style={bar((area.groupAverage ?? 0) / 100, '#faad14')} />
              </span>
            </span>
            <span style={numbers}>
              {formatIndex(area.unit, locale)}
              <br />
              <Typography.Text type="secondary">
                {formatIndex(area.groupAverage, locale)}
              </Typography.Text>
            </span>
          </li>
        ))}
      </ul>
      <FiguresTable
        testId="results-chart-profile-table"
        head={[
          t('resultsCharts.profile.areaColumn'),
          t('resultsCharts.profile.unit'),
          t('resultsCharts.profile.average'),
        ]}
        rows={profile.bars.map((area) => ({
          key: area.code,
          cells: [
            area.code,
            formatIndex(area.unit, locale),
            formatIndex(area.groupAverage, locale),
          ],
        }))}
      />
    </figure>
  );
}

function Histogram({
  draft,
  unitGroup,
  locale,
}: {
  draft: Consolidation;
  unitGroup: string | null;
  locale: Locale;
}) {
  const { t } = useTranslation(ns);
  const bins = indexHistogram(draft.rows, { unitGroup });
  const most = Math.max(1, ...bins.map((b) => b.count));
  const label = (from: number, to: number) =>
    t('resultsCharts.histogram.bin', {
      from: formatIndex(from, locale),
      to: formatIndex(to, locale),
    });
  const caption = t('resultsCharts.histogram.caption');
  return (
    <figure data-testid="results-chart-histogram" style={{ margin: 0 }} aria-label={caption}>
      <figcaption>
        <Typography.Text strong>{caption}</Typography.Text>
      </figcaption>
      <div
        aria-hidden
        style={{ display: 'flex', alignItems: 'flex-end', gap: 4, height: 140, marginTop: 8 }}
      >
        {bins.map((b) => (
          <div key={b.from} style={{ flex: 1, textAlign: 'center' }}>
            <div style={{ fontSize: 12, fontVariantNumeric: 'tabular-nums' }}>{b.count || ''}</div>
            <div
              style={{
                height: `${(b.count / most) * 110}px`,
                background: '#1677ff',
                borderRadius: '4px 4px 0 0',
              }}
            />
          </div>
        ))}
      </div>
      <div aria-hidden style={{ display: 'flex', gap: 4, fontSize: 11 }}>
        {bins.map((b) => (
          <div key={b.from} style={{ flex: 1, textAlign: 'center', color: 'rgba(0,0,0,0.45)' }}>
            {b.from / 100}
          </div>
        ))}
      </div>
      <FiguresTable
        testId="results-chart-histogram-table"
        head={[t('resultsCharts.histogram.range'), t('resultsCharts.histogram.count')]}
        rows={bins.map((b) => ({ key: String(b.from), cells: [label(b.from, b.to), b.count] }))}
      />
    </figure>
  );
}

function Changes({
  draft,
  unitGroup,
  locale,
}: {
  draft: Consolidation;
  unitGroup: string | null;
  locale: Locale;
}) {
  const { t } = useTranslation(ns);
  const bars = changeBars(draft.rows, unitGroup);
  const caption = t('resultsCharts.change.caption');
  return (
    <figure data-testid="results-chart-change" style={{ margin: 0 }} aria-label={caption}>
      <figcaption>
        <Typography.Text strong>{caption}</Typography.Text>
      </figcaption>
      {bars.length === 0 ? (
        <Typography.Paragraph type="secondary" data-testid="results-chart-change-none">
          {t('resultsCharts.change.none')}
        </Typography.Paragraph>
      ) : (
        <>
          <ul style={{ listStyle: 'none', padding: 0, margin: '8px 0 0' }}>
            {bars.map((b) => (
              <li key={b.unitCode} style={rowGrid('minmax(80px, 140px) 1fr 1fr 72px')}>
                <span title={b.unitName}>{b.unitCode}</span>
                <span aria-hidden style={{ ...track, display: 'flex', justifyContent: 'flex-end' }}>
                  {b.direction === 'down' ? <span style={bar(b.width, '#ff4d4f')} /> : null}
                </span>
                <span aria-hidden style={track}>
                  {b.direction === 'up' ? <span style={bar(b.width, '#52c41a')} /> : null}
                </span>
                <span
                  style={numbers}
                  data-testid={`results-chart-change-${b.unitCode}`}
                  aria-label={t(`resultsCharts.change.${b.direction}`, {
                    value: formatChange(b.change, locale),
                  })}
                >
                  {b.direction === 'up' ? '▲ ' : b.direction === 'down' ? '▼ ' : ''}
                  {formatChange(b.change, locale)}
                </span>
              </li>
            ))}
          </ul>
          <FiguresTable
            testId="results-chart-change-table"
            head={[t('results.column.unit'), t('results.column.change')]}
            rows={bars.map((b) => ({
              key: b.unitCode,
              cells: [
                `${b.unitCode} — ${b.unitName}`,
                t(`resultsCharts.change.${b.direction}`, { value: formatChange(b.change, locale) }),
              ],
            }))}
          />
        </>
      )}
    </figure>
  );
}

export default function ResultsChartsCard({ draft }: { draft: Consolidation }) {
  const { t } = useTranslation(ns);
  const locale = currentLanguage();
  const groups = unitGroupsOf(draft.rows);
  const [group, setGroup] = useState<string | null>(null);
  const shownGroup = group && groups.includes(group) ? group : null;
  const units = draft.rows.filter((r) => !shownGroup || r.unitGroup === shownGroup);
  const [unitCode, setUnitCode] = useState<string | null>(null);
  const shownUnit = units.find((u) => u.unitCode === unitCode)?.unitCode ?? units[0]?.unitCode;
  if (draft.rows.length === 0) return null;
  return (
    <Card title={t('resultsCharts.title')} data-testid="results-charts">
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Select
          data-testid="results-charts-group"
          aria-label={t('results.draft.group')}
          style={{ minWidth: 220 }}
          value={shownGroup ?? ''}
          onChange={(value: string) => setGroup(value || null)}
          options={[
            { value: '', label: t('results.draft.allGroups') },
            ...groups.map((g) => ({ value: g, label: g })),
          ]}
        />
        <Select
          data-testid="results-charts-unit"
          aria-label={t('resultsCharts.profile.pick')}
          style={{ minWidth: 280 }}
          showSearch
          optionFilterProp="label"
          value={shownUnit}
          onChange={(value: string) => setUnitCode(value)}
          options={units.map((u) => ({
            value: u.unitCode,
            label: `${u.unitCode} — ${u.unitName}`,
          }))}
        />
      </Flex>
      <Flex vertical gap={24} style={{ maxWidth: 760 }}>
        {shownUnit ? <AreaProfile draft={draft} unitCode={shownUnit} locale={locale} /> : null}
        <Histogram draft={draft} unitGroup={shownGroup} locale={locale} />
        <Changes draft={draft} unitGroup={shownGroup} locale={locale} />
      </Flex>
    </Card>
  );
}
