import { BackLink, Select, SummaryList, Table, Tag } from 'nhsuk-react-components';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useApiResource } from '../api/use-api-resource.ts';
import { formatDate } from '../format/dates.ts';
import { formatNhsNumber, fullName } from '../format/people.ts';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import { AccessRefused } from '../people/access-refused.tsx';
// By path, not the domain's index: only the kinds' words go into the app.
import { historyKinds, type HistoryKind } from '../../../domain/src/history/history-rules.ts';
import type { HistoryEventView, PersonHistoryView } from './history-types.ts';

const kindLabel = (kind: HistoryKind) => historyKinds[kind]?.label ?? kind;

/** When it ended, for what lasts: "5 April 2026", "Still going on", or nothing. */
function until(event: HistoryEventView): string {
  if (event.ongoing) return 'Still going on';
  return event.end ? formatDate(event.end) : '';
}

/**
 * A person's history across services on one page (docs/history.md): a line per kind at the top
 * saying how many and the latest, then every event, newest first, with a filter by kind.
 */
export function HistoryPage() {
  const { id = '' } = useParams();
  const [refresh, setRefresh] = useState(0);
  const [kind, setKind] = useState<'all' | HistoryKind>('all');
  const history = useApiResource<PersonHistoryView>(`/api/people/${encodeURIComponent(id)}/history`, refresh);

  if (history.status === 'idle' || history.status === 'loading') return <Loading what="the history" />;
  if (history.status === 'failed') {
    if (history.problem.status === 403) return <AccessRefused personId={id} problem={history.problem} onGranted={() => setRefresh((n) => n + 1)} />;
    return <ProblemPage problem={history.problem} title={history.problem.status === 404 ? 'No record found' : 'The history could not be shown'} />;
  }
  const { person, summaries, events, years, asOf } = history.data;
  const name = fullName(person.givenNames, person.familyName);
  const shown = kind === 'all' ? events : events.filter((e) => e.kind === kind);

  return (
    <>
      <BackLink asElement={Link} to={`/people/${encodeURIComponent(id)}`}>
        Back to the record
      </BackLink>
      <PageHeading title={`History: ${name}`} caption={`${name}, NHS number ${formatNhsNumber(person.nhsNumber)}`}>
        History across services
      </PageHeading>
      <p className="nhsuk-body">
        Admissions, detentions, crises, police contacts and other red flags, concerns from carers and partners, medicines and key workers, from every
        service’s records, as of {formatDate(asOf)}. The counts are of what is on record over the last {years} years; they are not a risk score.
      </p>
      <section aria-labelledby="history-summary-heading">
        <h2 className="nhsuk-heading-m" id="history-summary-heading">
          At a glance
        </h2>
        <SummaryList>
          {summaries.map((s) => (
            <SummaryList.Row key={s.kind}>
              <SummaryList.Key>{s.label}</SummaryList.Key>
              <SummaryList.Value>{s.summary}</SummaryList.Value>
            </SummaryList.Row>
          ))}
        </SummaryList>
      </section>
      <section aria-labelledby="history-events-heading">
        <h2 className="nhsuk-heading-m" id="history-events-heading">
          Everything, newest first
        </h2>
        {events.length === 0 ? (
          <p className="nhsuk-body">Nothing of this kind is on record.</p>
        ) : (
          <>
            <Select id="history-kind" label="Show" value={kind} onChange={(e) => setKind(e.currentTarget.value as 'all' | HistoryKind)}>
              <Select.Option value="all">Everything ({events.length})</Select.Option>
              {summaries
                .filter((s) => s.total > 0)
                .map((s) => (
                  <Select.Option key={s.kind} value={s.kind}>
                    {s.label} ({events.filter((e) => e.kind === s.kind).length})
                  </Select.Option>
                ))}
            </Select>
            <p className="nhsuk-u-visually-hidden" role="status" aria-live="polite">
              Showing {shown.length} of {events.length} events
            </p>
            <Table responsive caption="Events in the person’s history, newest first" captionProps={{ className: 'nhsuk-u-visually-hidden' }}>
              <Table.Head>
                <Table.Row>
                  <Table.Cell>Date</Table.Cell>
                  <Table.Cell>Kind</Table.Cell>
                  <Table.Cell>What happened</Table.Cell>
                  <Table.Cell>Until</Table.Cell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {shown.map((event) => (
                  <Table.Row key={`${event.kind}/${event.reference}`} className="app-history-event">
                    <Table.Cell className="app-nowrap">{formatDate(event.date)}</Table.Cell>
                    <Table.Cell>
                      <Tag modifier="white">{kindLabel(event.kind)}</Tag>
                    </Table.Cell>
                    <Table.Cell>
                      <span className="app-timeline-title">{event.title}</span>
                      {event.detail ? <span className="nhsuk-body-s app-timeline-detail">{event.detail}</span> : null}
                      {event.words ? <q className="nhsuk-body-s app-timeline-detail">{event.words}</q> : null}
                    </Table.Cell>
                    <Table.Cell className="app-nowrap">{until(event)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </>
        )}
      </section>
    </>
  );
}
