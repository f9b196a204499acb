import { Select, Table } from 'nhsuk-react-components';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { BoardTileFigures } from '../../../domain/src/board/board-dashboard.ts';
import { rateText, responseTimesText } from '../../../domain/src/board/board-words.ts';
import { formatDate } from '../format/dates.ts';
import { BreakdownTable } from './breakdown-table.tsx';
import { TrendChart } from './trend-chart.tsx';

/** One tile: the figure, what it counts, the standard, its trend, a breakdown by a characteristic, and (for those who may) the people behind it. */
export function BoardTileCard({ figures, asOf, showPeople }: { figures: BoardTileFigures; asOf: string; showPeople: boolean }) {
  const { tile, figure, trend } = figures;
  const [breakdownBy, setBreakdownBy] = useState('');
  const breakdown = figures.breakdowns.find((b) => b.characteristic === breakdownBy);
  const heading = `tile-${tile.key}`;
  return (
    <section className="nhsuk-card app-board-tile" aria-labelledby={heading}>
      <div className="nhsuk-card__content">
        <h2 id={heading} className="nhsuk-card__heading nhsuk-heading-m">
          {tile.title}
        </h2>
        <p className="nhsuk-heading-l nhsuk-u-margin-bottom-1">{rateText(figure.rate, tile.scale)}</p>
        <p className="nhsuk-body">
          {figure.numerator.toLocaleString('en-GB')} of {figure.denominator.toLocaleString('en-GB')} {tile.counts}: {tile.numerator}, of {tile.denominator}.
        </p>
        {tile.standard ? <p className="nhsuk-body-s">Standard: {tile.standard}.</p> : null}
        {figures.responseTimes ? <p className="nhsuk-body">{responseTimesText(figures.responseTimes)}</p> : null}
        {trend ? (
          <>
            <TrendChart title={tile.title} points={trend} scale={tile.scale} />
            <details className="nhsuk-details">
              <summary className="nhsuk-details__summary">
                <span className="nhsuk-details__summary-text">Trend in figures</span>
              </summary>
              <div className="nhsuk-details__text">
                <Table caption={`${tile.title} at each month end`}>
                  <Table.Head>
                    <Table.Row>
                      <Table.Cell>Month end</Table.Cell>
                      <Table.Cell>Figure</Table.Cell>
                      <Table.Cell>Counted of all</Table.Cell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {trend.map((p) => (
                      <Table.Row key={p.asOf}>
                        <Table.Cell>{formatDate(p.asOf)}</Table.Cell>
                        <Table.Cell>{rateText(p.rate, tile.scale)}</Table.Cell>
                        <Table.Cell>
                          {p.numerator.toLocaleString('en-GB')} of {p.denominator.toLocaleString('en-GB')}
                        </Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
            </details>
          </>
        ) : (
          <p className="nhsuk-body-s">No trend is drawn for this figure.</p>
        )}
        {figures.caseloads ? (
          <details className="nhsuk-details">
            <summary className="nhsuk-details__summary">
              <span className="nhsuk-details__summary-text">Caseloads by team and key worker</span>
            </summary>
            <div className="nhsuk-details__text">
              <Table caption="People held per team">
                <Table.Body>
                  {figures.caseloads.teams.map((t) => (
                    <Table.Row key={t.teamId}>
                      <Table.Cell>{t.team}</Table.Cell>
                      <Table.Cell>{t.people}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
              <Table caption="People allocated per key worker">
                <Table.Body>
                  {figures.caseloads.keyWorkers.map((k) => (
                    <Table.Row key={`${k.teamId}-${k.practitionerId}`}>
                      <Table.Cell>
                        {k.name}, {k.team}
                      </Table.Cell>
                      <Table.Cell>{k.people}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          </details>
        ) : null}
        <Select id={`breakdown-${tile.key}`} label="Break down by" value={breakdownBy} onChange={(e) => setBreakdownBy(e.currentTarget.value)}>
          <Select.Option value="">No breakdown</Select.Option>
          {figures.breakdowns.map((b) => (
            <Select.Option key={b.characteristic} value={b.characteristic}>
              {b.label}
            </Select.Option>
          ))}
        </Select>
        {breakdown ? <BreakdownTable tile={tile} breakdown={breakdown} /> : null}
        {showPeople && tile.drillDown ? (
          <p className="nhsuk-body">
            <Link to={`/board/${tile.key}/people?asOf=${asOf}`}>
              See the people: {tile.drillDown.says}
              <span className="nhsuk-u-visually-hidden"> ({tile.title})</span>
            </Link>
          </p>
        ) : null}
      </div>
    </section>
  );
}
