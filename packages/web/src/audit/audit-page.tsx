import { Table, Tag } from 'nhsuk-react-components';
import { useEffect, useState } from 'react';
import { api, ApiProblem } from '../api/client.ts';
import type { AuditEvent } from '../api/types.ts';
import { formatDateTime } from '../format/dates.ts';
import { roleLabel } from '../format/roles.ts';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';

const ACTIONS: Record<string, string> = {
  'read-record': 'Opened record',
  'read-timeline': 'Read timeline',
  'open-for-request': 'Asked for part of the record',
  'read-history': 'Read history across services',
  'read-need-to-know': 'Read the need-to-know page',
  'search-result': 'Found in a search',
  'break-glass': 'Break-glass access',
  'read-audit': 'Read the audit log',
  worklist: 'Listed on a worklist',
  import: 'Imported records',
};
const BASES: Record<string, string> = {
  team: 'Team caseload',
  'key-worker': 'Key worker',
  'break-glass': 'Break-glass',
  'crisis-line': 'Crisis line, intensive care',
  import: 'Import',
  system: 'System',
  search: 'Search',
  worklist: 'Worklist',
  none: 'None',
};

type Loaded = { status: 'loading' } | { status: 'loaded'; events: AuditEvent[] } | { status: 'failed'; problem: ApiProblem };

/** The most recent audit events: who did what, when, on what basis, and whether it was allowed. */
export function AuditPage() {
  const [state, setState] = useState<Loaded>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    api
      .get<{ events: AuditEvent[] }>('/api/audit?limit=200')
      .then(({ events }) => current && setState({ status: 'loaded', events }))
      .catch((problem: unknown) => {
        if (current) setState({ status: 'failed', problem: problem instanceof ApiProblem ? problem : new ApiProblem(0, 'unexpected', 'The audit log could not be shown.') });
      });
    return () => {
      current = false;
    };
  }, []);

  if (state.status === 'failed') {
    return <ProblemPage problem={state.problem} title={state.problem.status === 403 ? 'You cannot see the audit log' : 'The audit log could not be shown'} />;
  }
  return (
    <>
      <PageHeading title="Audit log">Audit log</PageHeading>
      <p className="nhsuk-body">The most recent 200 events, newest first. Every search, every view of a record and every refusal is here.</p>
      {state.status === 'loading' ? (
        <Loading what="the audit log" />
      ) : state.events.length === 0 ? (
        <p className="nhsuk-body">Nothing has been recorded yet.</p>
      ) : (
        <Table responsive caption="Recent audit events" captionProps={{ className: 'nhsuk-u-visually-hidden' }}>
          <Table.Head>
            <Table.Row>
              <Table.Cell>When</Table.Cell>
              <Table.Cell>Who</Table.Cell>
              <Table.Cell>What</Table.Cell>
              <Table.Cell>Person</Table.Cell>
              <Table.Cell>Basis</Table.Cell>
              <Table.Cell>Outcome</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {state.events.map((event) => (
              <Table.Row key={event.id} className="app-audit-event">
                <Table.Cell>{formatDateTime(event.at)}</Table.Cell>
                <Table.Cell>
                  {event.actorName}
                  <span className="nhsuk-body-s app-block">{roleLabel(event.actorRole)}</span>
                </Table.Cell>
                <Table.Cell>
                  {ACTIONS[event.action] ?? event.action}
                  {event.reason ? <span className="nhsuk-body-s app-block">Reason: {event.reason}</span> : null}
                </Table.Cell>
                <Table.Cell>{event.personId ?? '–'}</Table.Cell>
                <Table.Cell>{BASES[event.basis] ?? event.basis}</Table.Cell>
                <Table.Cell>{event.outcome === 'refused' ? <Tag modifier="red">Refused</Tag> : <Tag modifier="green">Allowed</Tag>}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </>
  );
}
