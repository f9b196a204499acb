import { Table } from 'nhsuk-react-components';
import { formatDate } from '../format/dates.ts';
import { dialogReview } from '../../../domain/src/outcomes/dialog-review.ts';
import type { PersonMeasure } from './outcome-types.ts';

const changeWords = (change: number | null) => (change === null ? 'Not compared' : change === 0 ? 'Same' : change > 0 ? `Up ${change}` : `Down ${-change}`);

/**
 * The DIALOG+ review for the latest DIALOG: each rating beside the one before, in the scale's
 * order, for the person and their key worker to choose what to talk about.
 */
export function DialogReviewTable({ measures }: { measures: PersonMeasure[] }) {
  const readable = measures.filter((m) => Object.keys(m.answers).length > 0);
  const latest = readable.at(-1);
  if (!latest) return null;
  const previous = readable.at(-2);
  const caption = `DIALOG+ review: ${formatDate(latest.authored)}${previous ? ` beside ${formatDate(previous.authored)}` : ''}`;
  return (
    <Table caption={caption} responsive>
      <Table.Head>
        <Table.Row>
          <Table.Cell>Satisfaction with</Table.Cell>
          <Table.Cell>Now</Table.Cell>
          <Table.Cell>Last time</Table.Cell>
          <Table.Cell>Change</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {dialogReview(latest.answers, previous?.answers).map((item) => (
          <Table.Row key={item.linkId}>
            <Table.Cell>{item.label}</Table.Cell>
            <Table.Cell>{item.now ?? 'Not rated'}</Table.Cell>
            <Table.Cell>{item.before ?? (previous ? 'Not rated' : 'First time')}</Table.Cell>
            <Table.Cell>{changeWords(item.change)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
