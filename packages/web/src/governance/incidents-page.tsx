import { Table } from 'nhsuk-react-components';
import { Link } from 'react-router-dom';
import { useApiResource } from '../api/use-api-resource.ts';
import { formatDate } from '../format/dates.ts';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import type { IncidentList, IncidentRow } from './governance-types.ts';

/** How far an incident's learning has got, in words. */
function learningInWords({ actions, done, overdue }: IncidentRow['learning']): string {
  if (actions === 0) return 'No learning actions yet';
  return `${done} of ${actions} done${overdue ? `, ${overdue} overdue` : ''}`;
}

/**
 * Serious incidents, complaints and compliments (SPEC C17): each with its team, the person when it
 * concerns one, its themes (the CQC review's CMOCs) and how far its learning actions have got; then
 * the themes by quarter, so patterns over time show. Learning actions themselves are on the action plan.
 */
export function IncidentsPage() {
  const state = useApiResource<IncidentList>('/api/governance/incidents');
  if (state.status === 'failed') return <ProblemPage problem={state.problem} title={state.problem.status === 403 ? 'You cannot see incidents' : 'Incidents could not be shown'} />;
  if (state.status !== 'loaded') return <Loading what="incidents" />;
  const { incidents, kinds, statuses, themes, themesByQuarter } = state.data;
  return (
    <>
      <PageHeading title="Incidents and learning" caption="Governance">
        Incidents and learning
      </PageHeading>
      <p className="nhsuk-body">
        Serious incidents, complaints and compliments, the latest first, with the themes they fall under and how far their learning has got. Learning actions
        are tracked on the action plan.
      </p>
      <p className="nhsuk-body">
        <Link to="/governance/actions">The action plan</Link>
      </p>
      {incidents.length === 0 ? (
        <p className="nhsuk-body">Nothing has been recorded.</p>
      ) : (
        <Table responsive caption="Incidents, complaints and compliments">
          <Table.Head>
            <Table.Row>
              <Table.Cell>When</Table.Cell>
              <Table.Cell>What</Table.Cell>
              <Table.Cell>Team</Table.Cell>
              <Table.Cell>Person</Table.Cell>
              <Table.Cell>Themes</Table.Cell>
              <Table.Cell>Status</Table.Cell>
              <Table.Cell>Learning</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {incidents.map((i) => (
              <Table.Row key={i.id}>
                <Table.Cell>{formatDate(i.occurredOn)}</Table.Cell>
                <Table.Cell>
                  <strong>{kinds[i.kind] ?? i.kind}</strong>
                  <span className="nhsuk-body-s app-block">{i.summary}</span>
                </Table.Cell>
                <Table.Cell>{i.teamName}</Table.Cell>
                <Table.Cell>{i.person ? <Link to={`/people/${encodeURIComponent(i.person.id)}`}>{i.person.name}</Link> : 'None named'}</Table.Cell>
                <Table.Cell>{i.themes.length ? i.themes.map((t) => themes[t] ?? t).join('; ') : 'Not themed'}</Table.Cell>
                <Table.Cell>{statuses[i.status] ?? i.status}</Table.Cell>
                <Table.Cell>{learningInWords(i.learning)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <h2 className="nhsuk-heading-m">Themes over time</h2>
      {themesByQuarter.length === 0 ? (
        <p className="nhsuk-body">No themes recorded yet.</p>
      ) : (
        <Table responsive caption="How often each theme was recorded, by quarter the incident happened">
          <Table.Head>
            <Table.Row>
              <Table.Cell>Quarter</Table.Cell>
              <Table.Cell>Theme</Table.Cell>
              <Table.Cell>Recorded</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {themesByQuarter.map((t) => (
              <Table.Row key={`${t.quarter}|${t.theme}`}>
                <Table.Cell>{t.quarter}</Table.Cell>
                <Table.Cell>{themes[t.theme] ?? t.theme}</Table.Cell>
                <Table.Cell>{t.count}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </>
  );
}
