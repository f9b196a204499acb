import { Table } from 'nhsuk-react-components';
import { Link } from 'react-router-dom';
import { formatDate, formatDateTime } from '../format/dates.ts';
import { formatNhsNumber } from '../format/people.ts';
import { FormErrors } from '../forms/form-errors.tsx';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import { useAsOfChoice } from './as-of-form.tsx';
import { careIntensityLabel } from './care-intensity.ts';
import type { MyCaseloadResponse } from './caseload-types.ts';
import { ReasonList } from '../worklists/reason-list.tsx';
import { PartnerConcernTag } from '../partners/partner-concern-tag.tsx';
import { useApiResource } from '../api/use-api-resource.ts';

const count = (n: number) => (n === 0 ? 'No one' : n === 1 ? '1 person' : `${n} people`);

/**
 * My caseload: the people a key worker holds on a day, and those they cover for a colleague who
 * is away (marked, with whose they are). Anyone with a reason to reach out is at the top.
 */
export function MyCaseloadPage() {
  const choice = useAsOfChoice();
  const state = useApiResource<MyCaseloadResponse>(`/api/caseloads/me${choice.query}`);
  if (state.status === 'failed' && state.problem.code !== 'invalid-input') return <ProblemPage problem={state.problem} title="Your caseload could not be shown" />;
  const errors = state.status === 'failed' ? [{ fieldId: 'as-of', message: `Date ${state.problem.fields[0]?.message ?? 'is not valid'}` }, ...choice.errors] : choice.errors;
  const title = 'My caseload';
  return (
    <>
      <FormErrors errors={errors} />
      <PageHeading title={errors.length ? `Error: ${title}` : title}>
        My caseload
      </PageHeading>
      {choice.form}
      {state.status === 'loading' ? <Loading what="your caseload" /> : null}
      {state.status === 'loaded' ? (
        <section aria-labelledby="caseload-count">
          <h2 id="caseload-count" className="nhsuk-heading-m">
            {count(state.data.people.length)} as of {formatDate(state.data.asOf)}
          </h2>
          {state.data.practitionerId === null ? (
            <p className="nhsuk-body">Your account is not linked to a practitioner record, so no one is allocated to you. Ask your administrator to link it.</p>
          ) : state.data.people.length === 0 ? (
            <p className="nhsuk-body">No one is allocated to you, or covered by you, on that day.</p>
          ) : (
            <>
              <p className="nhsuk-body-s">
                Weighted caseload {state.data.weighted} (a measure of workload, not of anyone’s risk). People with a reason to reach out are listed first.
              </p>
              <Table responsive caption={`Your caseload as of ${state.data.asOf}`} captionProps={{ className: 'nhsuk-u-visually-hidden' }}>
                <Table.Head>
                  <Table.Row>
                    <Table.Cell>Person</Table.Cell>
                    <Table.Cell>Care</Table.Cell>
                    <Table.Cell>Last attended contact</Table.Cell>
                    <Table.Cell>Next appointment</Table.Cell>
                    <Table.Cell>Disengaged reasons</Table.Cell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {state.data.people.map((person) => (
                    <Table.Row key={`${person.patient.id}-${person.episodeId}`} className="app-caseload-person">
                      <Table.Cell>
                        <Link to={`/people/${encodeURIComponent(person.patient.id)}`}>{person.name ?? 'Name not recorded'}</Link>
                        <span className="nhsuk-body-s app-block app-nowrap">NHS number {formatNhsNumber(person.patient.nhsNumber)}</span>
                        {person.cover ? (
                          <strong className="nhsuk-tag nhsuk-tag--yellow app-block">
                            Cover for {person.cover.keyWorkerName} until {formatDate(person.cover.to)}
                          </strong>
                        ) : null}
                        {person.transferPending ? <strong className="nhsuk-tag nhsuk-tag--yellow app-block">Transfer pending</strong> : null}
                        <PartnerConcernTag count={person.partnerConcerns} />
                      </Table.Cell>
                      <Table.Cell>
                        {careIntensityLabel(person.intensity)}
                        <span className="nhsuk-body-s app-block">{person.team.name}</span>
                      </Table.Cell>
                      <Table.Cell>{person.lastAttended ? formatDateTime(person.lastAttended.at) : 'None recorded'}</Table.Cell>
                      <Table.Cell>{person.nextBooked ? formatDateTime(person.nextBooked.at) : 'None booked'}</Table.Cell>
                      <Table.Cell>
                        <ReasonList reasons={person.reasons} />
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </>
          )}
        </section>
      ) : null}
    </>
  );
}
