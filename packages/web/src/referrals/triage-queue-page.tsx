import { Table } from 'nhsuk-react-components';
import { Link } from 'react-router-dom';
import { useApiResource } from '../api/use-api-resource.ts';
import { formatDate } from '../format/dates.ts';
import { formatNhsNumber } from '../format/people.ts';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import type { TriageQueueResponse } from './referral-types.ts';

/**
 * The single point of access: referrals no team has yet, urgent first, then longest waiting. Each
 * is triaged to a team, signposted to a named service, or declined with a reason and an onward route.
 */
export function TriageQueuePage() {
  const state = useApiResource<TriageQueueResponse>('/api/referrals/untriaged');
  if (state.status === 'failed') return <ProblemPage problem={state.problem} title={state.problem.status === 403 ? 'You cannot see this list' : 'The list could not be shown'} />;
  const title = 'Referrals to triage';
  return (
    <>
      <PageHeading title={title} caption="Single point of access">
        {title}
      </PageHeading>
      <p className="nhsuk-body">
        Referrals from GPs, the person themselves, families, partners and other teams that no team has yet. The wait counts from the day of the
        referral, whatever triage decides. Nobody is turned away without a named service to go to.
      </p>
      <p className="nhsuk-body">
        <Link to="/referrals/new">Record a referral</Link> taken by phone or letter, or made by the person themselves.
      </p>
      {state.status !== 'loaded' ? <Loading what="the referrals" /> : null}
      {state.status === 'loaded' && state.data.referrals.length === 0 ? <p className="nhsuk-body">No referrals are waiting for triage.</p> : null}
      {state.status === 'loaded' && state.data.referrals.length > 0 ? (
        <Table responsive caption={`${state.data.referrals.length} ${state.data.referrals.length === 1 ? 'referral' : 'referrals'} waiting for triage`}>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Person</Table.Cell>
              <Table.Cell>Referred</Table.Cell>
              <Table.Cell>From</Table.Cell>
              <Table.Cell>Why</Table.Cell>
              <Table.Cell>Triage</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {state.data.referrals.map((r) => (
              <Table.Row key={r.referralId}>
                <Table.Cell>
                  {r.name ?? 'Name not recorded'}
                  <span className="nhsuk-body-s app-block app-nowrap">NHS number {formatNhsNumber(r.nhsNumber)}</span>
                </Table.Cell>
                <Table.Cell>
                  {formatDate(r.referredOn)}
                  {r.waitedDays !== null ? <span className="nhsuk-body-s app-block">{r.waitedDays === 1 ? '1 day' : `${r.waitedDays} days`} ago</span> : null}
                  {r.priority === 'urgent' ? <strong className="nhsuk-tag nhsuk-tag--red">Urgent</strong> : null}
                </Table.Cell>
                <Table.Cell>{r.source ?? 'Not recorded'}</Table.Cell>
                <Table.Cell>{r.reason ?? 'Not recorded'}</Table.Cell>
                <Table.Cell>
                  <Link to={`/people/${encodeURIComponent(r.personId)}/referrals/${encodeURIComponent(r.referralId)}/triage`}>
                    Triage<span className="nhsuk-u-visually-hidden"> the referral of {r.name ?? 'this person'}</span>
                  </Link>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : null}
    </>
  );
}
