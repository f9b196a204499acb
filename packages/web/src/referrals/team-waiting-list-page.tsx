import { Table } from 'nhsuk-react-components';
import type { WaitingListEntry } from '@continuity/store';
import { Link, useLocation } from 'react-router-dom';
import { useApiResource } from '../api/use-api-resource.ts';
import { useSignedInUser } from '../auth/session-context.tsx';
import { useAsOfChoice } from '../caseload/as-of-form.tsx';
import { formatDate } from '../format/dates.ts';
import { formatNhsNumber } from '../format/people.ts';
import { FormErrors } from '../forms/form-errors.tsx';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';

interface TeamWaitingListResponse {
  asOf: string;
  team: { id: string; name: string };
  entries: WaitingListEntry[];
}

/**
 * Everyone waiting for the team, not only those past four weeks: when they were referred, whether
 * they have been seen once, the last check-in, and how long they have waited, longest first.
 */
export function TeamWaitingListPage() {
  const user = useSignedInUser();
  const { pathname, search } = useLocation();
  const choice = useAsOfChoice(user.teams);
  const state = useApiResource<TeamWaitingListResponse>(choice.team ? `/api/teams/${encodeURIComponent(choice.team)}/waiting-list${choice.query}` : null);
  if (state.status === 'failed' && state.problem.code !== 'invalid-input') return <ProblemPage problem={state.problem} title={state.problem.status === 403 ? 'You cannot see this list' : 'The list could not be shown'} />;
  const errors = state.status === 'failed' ? [{ fieldId: 'as-of', message: `Date ${state.problem.fields[0]?.message ?? 'is not valid'}` }, ...choice.errors] : choice.errors;
  const title = 'Waiting list';
  return (
    <>
      <FormErrors errors={errors} />
      <PageHeading title={errors.length ? `Error: ${title}` : title} caption="Referrals">
        Waiting list
      </PageHeading>
      <p className="nhsuk-body">
        Everyone referred to the team who has not yet had a second contact or agreed a care plan. The wait counts from the day of the referral; more
        than 28 days breaks the four-week standard.
      </p>
      {user.teams.length === 0 ? <p className="nhsuk-body">You are not a member of a team.</p> : choice.form}
      {state.status === 'loading' ? <Loading what="the waiting list" /> : null}
      {state.status === 'loaded' ? (
        <section aria-labelledby="waiting-list-count">
          <h2 id="waiting-list-count" className="nhsuk-heading-m">
            {state.data.team.name}: {state.data.entries.length === 1 ? '1 person' : `${state.data.entries.length} people`} waiting as of {formatDate(state.data.asOf)}
          </h2>
          {state.data.entries.length ? (
            <Table responsive caption={`Waiting for ${state.data.team.name} as of ${state.data.asOf}`} captionProps={{ className: 'nhsuk-u-visually-hidden' }}>
              <Table.Head>
                <Table.Row>
                  <Table.Cell>Person</Table.Cell>
                  <Table.Cell>Referred</Table.Cell>
                  <Table.Cell format="numeric">Waiting</Table.Cell>
                  <Table.Cell>First seen</Table.Cell>
                  <Table.Cell>Last check-in</Table.Cell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {state.data.entries.map((e) => (
                  <Table.Row key={e.referralId}>
                    <Table.Cell>
                      <Link to={`/people/${encodeURIComponent(e.personId)}`}>{e.name ?? 'Name not recorded'}</Link>
                      <span className="nhsuk-body-s app-block app-nowrap">NHS number {formatNhsNumber(e.nhsNumber)}</span>
                      <Link className="nhsuk-body-s app-block" to={`/people/${encodeURIComponent(e.personId)}/referrals/${encodeURIComponent(e.referralId)}/check-in?returnTo=${encodeURIComponent(pathname + search)}`}>
                        Record a check-in<span className="nhsuk-u-visually-hidden"> with {e.name ?? 'this person'}</span>
                      </Link>
                    </Table.Cell>
                    <Table.Cell>{formatDate(e.referredOn)}</Table.Cell>
                    <Table.Cell format="numeric">
                      {e.waitedDays === 1 ? '1 day' : `${e.waitedDays} days`}
                      {e.overStandard ? <strong className="nhsuk-tag nhsuk-tag--red app-block">Over 4 weeks</strong> : null}
                    </Table.Cell>
                    <Table.Cell>{e.firstContact ? formatDate(e.firstContact) : 'Not yet'}</Table.Cell>
                    <Table.Cell>{e.lastCheckIn ? formatDate(e.lastCheckIn) : 'None recorded'}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          ) : (
            <p className="nhsuk-body">Nobody is waiting for the team on that day.</p>
          )}
        </section>
      ) : null}
    </>
  );
}
