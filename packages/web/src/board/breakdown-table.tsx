import { Table } from 'nhsuk-react-components';
import type { EquityBreakdown } from '../../../domain/src/equity/breakdown.ts';
import type { BoardTile } from '../../../domain/src/board/board-tiles.ts';
import { countText, rateText, ratioText } from '../../../domain/src/board/board-words.ts';

const shownRate = (rate: number | null, scale: BoardTile['scale']) => (rate === null ? 'Withheld' : rateText(rate, scale));

/** A tile's figure by one characteristic: counts, rates, rate ratios with 95% intervals, and how complete the recording is. */
export function BreakdownTable({ tile, breakdown }: { tile: BoardTile; breakdown: EquityBreakdown }) {
  if (breakdown.unavailable) return <p className="nhsuk-body-s">{breakdown.unavailable}</p>;
  const complete = breakdown.completeness.share === null ? 'nobody to count' : `${(breakdown.completeness.share * 100).toFixed(1)}% (${breakdown.completeness.recorded.toLocaleString('en-GB')} of ${breakdown.completeness.of.toLocaleString('en-GB')} ${tile.counts})`;
  return (
    <>
      <Table responsive caption={`${tile.title} by ${breakdown.label.toLowerCase()}`}>
        <Table.Head>
          <Table.Row>
            {[breakdown.label, `All ${tile.counts}`, 'Counted', 'Rate', `Rate ratio against ${breakdown.reference ?? 'the reference'} (95% CI)`].map((h) => (
              <Table.Cell key={h}>{h}</Table.Cell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {breakdown.rows.map((r) => (
            <Table.Row key={r.group}>
              <Table.Cell>{r.reference ? `${r.group} (reference)` : r.group}</Table.Cell>
              <Table.Cell>{countText(r.denominator)}</Table.Cell>
              <Table.Cell>{countText(r.numerator)}</Table.Cell>
              <Table.Cell>{shownRate(r.rate, tile.scale)}</Table.Cell>
              <Table.Cell>{r.reference ? '1.00' : ratioText(r.rateRatio)}</Table.Cell>
            </Table.Row>
          ))}
          <Table.Row>
            <Table.Cell>Not recorded</Table.Cell>
            <Table.Cell>{countText(breakdown.notRecorded.denominator)}</Table.Cell>
            <Table.Cell>{countText(breakdown.notRecorded.numerator)}</Table.Cell>
            <Table.Cell>{shownRate(breakdown.notRecorded.rate, tile.scale)}</Table.Cell>
            <Table.Cell>–</Table.Cell>
          </Table.Row>
        </Table.Body>
      </Table>
      <p className="nhsuk-body-s">
        Recorded for {complete}. Counts from 1 to 4 are withheld, and a second count where the first could be worked out from the total. A ratio is not
        calculable when a count is zero or withheld.
      </p>
    </>
  );
}
