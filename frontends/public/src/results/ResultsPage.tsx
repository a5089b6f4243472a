/**
 * The published results (`/cong-khai/ket-qua`): choose an index, a year and a unit group, read
 * the group's ranking — rank, unit, index with a bar, band, change against last year — and open
 * a unit's page. The choice is kept in the address, so a ranking can be shared as a link.
 */
import { useState } from 'react';
import { formatVietnamDate, type PublishedPeriod, type PublishedRankingRow } from '@par/contracts';
import { LoadFailed, useLoad } from '../standalone/Load';
import { resultUnitPath, resultsChoice, resultsPath } from '../standalone/routes';
import { groupRanking, publicResultsApi } from './public-results-api';
import { barWidth, changeText, chosen, indexText, indicesOf } from './results-format';
import { rt } from './results-texts';

function Failed({ onRetry }: { onRetry: () => void }) {
  return <LoadFailed message={rt('loadFailed')} onRetry={onRetry} />;
}

export default function ResultsPage() {
  const [list, retry] = useLoad(
    () => publicResultsApi().then(async (api) => (await api.list()).items),
    [],
  );
  const [choice, setChoice] = useState(() => resultsChoice(window.location.search));

  function choose(next: { periodId?: string; unitGroup?: string }) {
    setChoice(next);
    window.history.replaceState(null, '', resultsPath(next));
  }

  // A shared link names its period and group: its ranking is asked at once, beside the list, and
  // shown without waiting for it (the table stays where it is when the choices arrive above it).
  const picked = list.kind === 'ready' ? chosen(list.data, choice) : undefined;
  const periodId = picked
    ? picked.period.periodId
    : list.kind === 'loading'
      ? choice.periodId
      : undefined;
  const unitGroup = picked
    ? picked.unitGroup
    : list.kind === 'loading'
      ? choice.unitGroup
      : undefined;

  return (
    <main>
      <h1>{rt('title')}</h1>
      <p className="hint">{rt('intro')}</p>
      {list.kind === 'loading' &&
        (periodId && unitGroup ? <ChoicesLoading /> : <p role="status">{rt('loading')}</p>)}
      {list.kind === 'failed' && <Failed onRetry={retry} />}
      {list.kind === 'ready' &&
        (list.data.length === 0 ? (
          <div className="banner" data-testid="results-empty">
            <h2>{rt('empty.title')}</h2>
            <p>{rt('empty.body')}</p>
          </div>
        ) : (
          <Choices periods={list.data} choice={choice} onChoose={choose} />
        ))}
      {periodId && unitGroup && (
        <GroupRanking key={`${periodId}/${unitGroup}`} periodId={periodId} unitGroup={unitGroup} />
      )}
    </main>
  );
}

/**
 * The choices' place while the periods arrive: the same boxes, disabled, so that the ranking a
 * shared link shows first does not move down when they come (a layout shift on a phone).
 */
function ChoicesLoading() {
  return (
    <form className="choices" aria-label={rt('choose.label')} aria-busy="true">
      {(['choose.index', 'choose.year', 'choose.group'] as const).map((label) => (
        <label key={label}>
          {rt(label)}
          <select disabled>
            <option>{rt('loading')}</option>
          </select>
        </label>
      ))}
    </form>
  );
}

function Choices({
  periods,
  choice,
  onChoose,
}: {
  periods: PublishedPeriod[];
  choice: { periodId?: string; unitGroup?: string };
  onChoose: (next: { periodId: string; unitGroup?: string }) => void;
}) {
  const { period, unitGroup } = chosen(periods, choice)!;
  const ofIndex = periods.filter((p) => p.indexCode === period.indexCode);
  const yearsShared = (year: number) => ofIndex.filter((p) => p.year === year).length > 1;

  return (
    <form className="choices" aria-label={rt('choose.label')} onSubmit={(e) => e.preventDefault()}>
      <label>
        {rt('choose.index')}
        <select
          data-testid="results-index"
          value={period.indexCode}
          onChange={(e) => {
            const newest = periods.find((p) => p.indexCode === e.target.value)!;
            onChoose({ periodId: newest.periodId, unitGroup });
          }}
        >
          {indicesOf(periods).map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
      </label>
      <label>
        {rt('choose.year')}
        <select
          data-testid="results-year"
          value={period.periodId}
          onChange={(e) => onChoose({ periodId: e.target.value, unitGroup })}
        >
          {ofIndex.map((p) => (
            <option key={p.periodId} value={p.periodId}>
              {yearsShared(p.year)
                ? rt('choose.yearAndName', { year: String(p.year), name: p.periodName })
                : String(p.year)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {rt('choose.group')}
        <select
          data-testid="results-group"
          value={unitGroup ?? ''}
          onChange={(e) => onChoose({ periodId: period.periodId, unitGroup: e.target.value })}
        >
          {period.groups.map((g) => (
            <option key={g.unitGroup} value={g.unitGroup}>
              {g.unitGroup}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}

function GroupRanking({ periodId, unitGroup }: { periodId: string; unitGroup: string }) {
  const [ranking, retry] = useLoad(() => groupRanking(periodId, unitGroup), [periodId, unitGroup]);

  if (ranking.kind === 'loading') return <p role="status">{rt('loading')}</p>;
  if (ranking.kind === 'failed') return <Failed onRetry={retry} />;
  if (!ranking.data)
    return (
      <div className="banner bad" role="alert">
        <p>{rt('notFound')}</p>
      </div>
    );
  const data = ranking.data;
  const rows = data.rankings.find((g) => g.unitGroup === unitGroup)?.rows ?? [];
  const date = formatVietnamDate(data.publishedAt);
  return (
    <section aria-labelledby="ranking-title" data-testid="results-ranking">
      <h2 id="ranking-title">{data.periodName}</h2>
      <p className="hint">
        {data.number > 1
          ? rt('republished', { number: data.number, date })
          : rt('published', { date })}
      </p>
      {rows.length === 0 ? (
        <p>{rt('noRows')}</p>
      ) : (
        <div className="table-scroll">
          <table className="ranking">
            <caption className="sr-only">
              {rt('caption', { group: unitGroup, period: data.periodName })}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {rt('column.rank')}
                </th>
                <th scope="col">{rt('column.unit')}</th>
                <th scope="col" className="num">
                  {rt('column.index')}
                </th>
                <th scope="col">{rt('column.band')}</th>
                <th scope="col" className="num">
                  {rt('column.change')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <RankingRow key={row.unitCode} row={row} periodId={data.periodId} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function RankingRow({ row, periodId }: { row: PublishedRankingRow; periodId: string }) {
  const change = changeText(row.change);
  return (
    <tr data-testid={`result-row-${row.unitCode}`}>
      <td className="num" data-testid={`rank-${row.unitCode}`}>
        {row.rank ?? '—'}
        {row.tied && <span className="sr-only"> ({rt('tied')})</span>}
      </td>
      <td>
        <a href={resultUnitPath(periodId, row.unitCode)}>{row.unitName}</a>
        <span className="bar" aria-hidden="true">
          <span style={{ width: `${barWidth(row.index)}%` }} />
        </span>
      </td>
      <td className="num" data-testid={`index-${row.unitCode}`}>
        {indexText(row.index)}
      </td>
      <td data-testid={`band-${row.unitCode}`}>{row.band ?? '—'}</td>
      <td className="num" data-testid={`change-${row.unitCode}`}>
        {change ?? (
          <>
            <span aria-hidden="true">—</span>
            <span className="sr-only">{rt('noPrevious')}</span>
          </>
        )}
      </td>
    </tr>
  );
}
