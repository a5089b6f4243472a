/**
 * A unit's published result (`/cong-khai/ket-qua/<period>/<unit>`): its rank, index, band and
 * change, each area's sub-index with a bar, and its rank and index in every published year of
 * the same index.
 */
import type { PublishedUnit } from '@par/contracts';
import { formatHundredths, formatPercent } from '@par/scoring';
import { resultUnitPath, resultsPath } from '../standalone/routes';
import { Load, useLoad } from '../standalone/Load';
import { publicResultsApi } from './public-results-api';
import { barWidth, changeText, indexText } from './results-format';
import { rt } from './results-texts';

export default function UnitResultPage({
  periodId,
  unitCode,
}: {
  periodId: string;
  unitCode: string;
}) {
  const [loaded, retry] = useLoad(
    () => publicResultsApi().then((api) => api.unit(periodId, unitCode)),
    [periodId, unitCode],
  );
  return (
    <Load
      state={loaded}
      retry={retry}
      texts={{ loading: rt('loading'), failed: rt('loadFailed'), notFound: rt('notFound') }}
      before={<ToRanking periodId={periodId} />}
    >
      {(unit) => (
        <main>
          <ToRanking periodId={periodId} unitGroup={unit.unitGroup} />
          <UnitResult unit={unit} />
        </main>
      )}
    </Load>
  );
}

/** Back to the ranking: the unit's group once it is known. */
function ToRanking(choice: { periodId: string; unitGroup?: string }) {
  return (
    <p>
      <a href={resultsPath(choice)}>{rt('toRanking')}</a>
    </p>
  );
}

function UnitResult({ unit }: { unit: PublishedUnit }) {
  const change = changeText(unit.change);
  return (
    <article data-testid="unit-result">
      <h1>{unit.unitName}</h1>
      <p className="hint">{rt('unit.group', { group: unit.unitGroup, period: unit.periodName })}</p>
      <dl className="standing">
        <div>
          <dt>{rt('unit.rank')}</dt>
          <dd data-testid="unit-rank">
            {unit.rank === null
              ? '—'
              : rt('unit.rankOf', { rank: unit.rank, count: unit.groupSize })}
            {unit.tied && ` (${rt('tied')})`}
          </dd>
        </div>
        <div>
          <dt>{rt('unit.index')}</dt>
          <dd data-testid="unit-index">{unit.index === null ? '—' : formatPercent(unit.index)}</dd>
        </div>
        <div>
          <dt>{rt('unit.band')}</dt>
          <dd data-testid="unit-band">{unit.band ?? '—'}</dd>
        </div>
        <div>
          <dt>{rt('unit.change')}</dt>
          <dd data-testid="unit-change">
            {change === null ? rt('noPrevious') : rt('unit.changePoints', { change })}
          </dd>
        </div>
        <div>
          <dt>{rt('unit.total')}</dt>
          <dd data-testid="unit-total">
            {rt('unit.totalOf', {
              total: formatHundredths(unit.total),
              max: formatHundredths(unit.max),
            })}
          </dd>
        </div>
      </dl>

      <h2>{rt('unit.areas')}</h2>
      <div className="table-scroll">
        <table className="ranking" data-testid="unit-areas">
          <caption className="sr-only">{rt('unit.areasCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{rt('column.area')}</th>
              <th scope="col" className="num">
                {rt('column.score')}
              </th>
              <th scope="col" className="num">
                {rt('column.subIndex')}
              </th>
            </tr>
          </thead>
          <tbody>
            {unit.areas.map((area) => (
              <tr key={area.code} data-testid={`area-${area.code}`}>
                <td>
                  {area.title}
                  <span className="bar" aria-hidden="true">
                    <span style={{ width: `${barWidth(area.subIndex)}%` }} />
                  </span>
                </td>
                <td className="num">
                  {rt('unit.totalOf', {
                    total: formatHundredths(area.score),
                    max: formatHundredths(area.max),
                  })}
                </td>
                <td className="num" data-testid={`area-index-${area.code}`}>
                  {indexText(area.subIndex)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{rt('unit.history')}</h2>
      <div className="table-scroll">
        <table className="ranking" data-testid="unit-history">
          <caption className="sr-only">{rt('unit.historyCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{rt('column.year')}</th>
              <th scope="col" className="num">
                {rt('column.rank')}
              </th>
              <th scope="col" className="num">
                {rt('column.index')}
              </th>
              <th scope="col">{rt('column.band')}</th>
            </tr>
          </thead>
          <tbody>
            {unit.history.map((h) => (
              <tr key={h.periodId} data-testid={`history-${h.year}`}>
                <td>
                  {h.periodId === unit.periodId ? (
                    <span aria-current="page">{h.year}</span>
                  ) : (
                    <a href={resultUnitPath(h.periodId, unit.unitCode)}>{h.year}</a>
                  )}
                  <span className="period-name">{h.periodName}</span>
                </td>
                <td className="num">
                  {h.rank === null
                    ? '—'
                    : rt('unit.historyRank', { rank: h.rank, count: h.groupSize })}
                </td>
                <td className="num">
                  {indexText(h.index)}
                  <span className="bar" aria-hidden="true">
                    <span style={{ width: `${barWidth(h.index)}%` }} />
                  </span>
                </td>
                <td>{h.band ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </article>
  );
}
