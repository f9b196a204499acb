import { Table } from 'nhsuk-react-components';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useSignedInUser } from '../auth/session-context.tsx';
import { formatDate } from '../format/dates.ts';
import { FormErrors } from '../forms/form-errors.tsx';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import { useAsOfChoice } from './as-of-form.tsx';
import type { TeamCaseloadResponse } from './caseload-types.ts';
import { CoverForm } from './cover-form.tsx';
import { CoverList } from './cover-list.tsx';
import { useApiResource } from '../api/use-api-resource.ts';
import { TeamTransfers } from '../transfer/team-transfers.tsx';
import { PartnerConcernTag } from '../partners/partner-concern-tag.tsx';
import { formatNhsNumber } from '../format/people.ts';

/**
 * Team caseload: each key worker's people and weighted size, who is away and who covers them, and
 * anyone the team holds with no key worker (on nobody's list until one is allocated).
 */
export function TeamCaseloadPage() {
  const user = useSignedInUser();
  const choice = useAsOfChoice(user.teams);
  const [refresh, setRefresh] = useState(0);
  const [recorded, setRecorded] = useState<string | null>(null);
  const state = useApiResource<TeamCaseloadResponse>(choice.team ? `/api/teams/${encodeURIComponent(choice.team)}/caseload${choice.query}` : null, refresh);
  if (state.status === 'failed' && state.problem.code !== 'invalid-input') return <ProblemPage problem={state.problem} title={state.problem.status === 403 ? 'You cannot see this caseload' : 'The caseload could not be shown'} />;
  const errors = state.status === 'failed' ? [{ fieldId: 'as-of', message: `Date ${state.problem.fields[0]?.message ?? 'is not valid'}` }, ...choice.errors] : choice.errors;
  const title = 'Team caseload';
  const data = state.status === 'loaded' ? state.data : undefined;
  const nameOf = (id: string) => data?.keyWorkers.find((k) => k.practitionerId === id)?.name ?? id;
  return (
    <>
      <FormErrors errors={errors} />
      <PageHeading title={errors.length ? `Error: ${title}` : title} caption="Caseload">
        Team caseload
      </PageHeading>
      {user.teams.length === 0 ? <p className="nhsuk-body">You are not a member of a team.</p> : choice.form}
      <div role="status">{recorded ? <p className="nhsuk-body">Cover recorded: {recorded}</p> : null}</div>
      {state.status === 'loading' ? <Loading what="the team caseload" /> : null}
      {data ? (
        <>
          {data.partnerConcerns.length ? (
            <section aria-labelledby="partner-concerns">
              <h2 id="partner-concerns" className="nhsuk-heading-m">
                Concerns from partner agencies to act on
              </h2>
              <p className="nhsuk-body-s">Not yet acknowledged by the key worker: most first.</p>
              <ul className="nhsuk-list">
                {data.partnerConcerns.map((c) => (
                  <li key={c.personId} className="app-partner-concern-person">
                    <Link to={`/people/${encodeURIComponent(c.personId)}`}>{c.name ?? 'Name not recorded'}</Link>
                    <span className="nhsuk-body-s app-block">
                      NHS number {formatNhsNumber(c.nhsNumber)}, key worker {c.keyWorkerIds.length ? c.keyWorkerIds.map(nameOf).join(', ') : 'not allocated'}
                    </span>
                    <PartnerConcernTag count={c.partnerConcerns} />
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section aria-labelledby="team-count">
            <h2 id="team-count" className="nhsuk-heading-m">
              {data.team.name}: {data.people === 1 ? '1 person' : `${data.people} people`} held as of {formatDate(data.asOf)}
            </h2>
            <p className="nhsuk-body-s">Weighted size measures workload (intensive and assertive care, and reasons to reach out, count for more); it is not a measure of anyone’s risk.</p>
            <Table responsive caption={`Key workers in ${data.team.name}`} captionProps={{ className: 'nhsuk-u-visually-hidden' }}>
              <Table.Head>
                <Table.Row>
                  <Table.Cell>Key worker</Table.Cell>
                  <Table.Cell>Allocated people</Table.Cell>
                  <Table.Cell>Weighted size</Table.Cell>
                  <Table.Cell>Holding on the day</Table.Cell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {data.keyWorkers.map((k) => (
                  <Table.Row key={k.practitionerId} className="app-key-worker">
                    <Table.Cell>
                      {k.name}
                      {k.away ? (
                        <strong className="nhsuk-tag nhsuk-tag--yellow app-block">
                          Away: covered by {nameOf(k.away.coveringPractitionerId)} until {formatDate(k.away.to)}
                        </strong>
                      ) : null}
                    </Table.Cell>
                    <Table.Cell>{k.allocated.people}</Table.Cell>
                    <Table.Cell>{k.allocated.weighted}</Table.Cell>
                    <Table.Cell>
                      {k.today.people} {k.today.people === 1 ? 'person' : 'people'} (weighted {k.today.weighted})
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </section>
          <section aria-labelledby="unallocated">
            <h2 id="unallocated" className="nhsuk-heading-m">
              Held with no key worker
            </h2>
            {data.unallocated.length === 0 ? (
              <p className="nhsuk-body">Everyone the team holds has a key worker.</p>
            ) : (
              <ul className="nhsuk-list nhsuk-list--bullet">
                {data.unallocated.map((u) => (
                  <li key={u.episodeId}>
                    <Link to={`/people/${encodeURIComponent(u.personId)}`}>{u.name ?? 'Name not recorded'}</Link>
                    <PartnerConcernTag count={u.partnerConcerns} />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <TeamTransfers teamId={data.team.id} refresh={refresh} />
          <CoverList teamId={data.team.id} query={choice.query} refresh={refresh} />
          {user.role === 'team-manager' ? (
            <CoverForm teamId={data.team.id} keyWorkers={data.keyWorkers.map((k) => ({ id: k.practitionerId, name: k.name }))} onRecorded={(summary) => {
                setRecorded(summary);
                setRefresh((n) => n + 1);
              }} />
          ) : null}
        </>
      ) : null}
    </>
  );
}
