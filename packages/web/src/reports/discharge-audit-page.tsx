import { Table } from 'nhsuk-react-components';
import { Link } from 'react-router-dom';
import { useSignedInUser } from '../auth/session-context.tsx';
import { formatDate } from '../format/dates.ts';
import { formatNhsNumber } from '../format/people.ts';
import { FormErrors } from '../forms/form-errors.tsx';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import type { DischargeAuditResponse } from './discharge-audit-types.ts';
import { ReasonList } from '../worklists/reason-list.tsx';
import { ReportPeriodForm, useReportPeriod } from './report-period.tsx';

/**
 * The discharge audit: discharges of people with severe and relapsing illness that cite
 * non-attendance or lack the MDT decision, relapse indicators, harms or route back, including those
 * imported from other systems. The date range is in the address (it is not personal).
 */
export function DischargeAuditPage() {
  const user = useSignedInUser();
  const { state, errors: shownErrors, form } = useReportPeriod<DischargeAuditResponse>('/api/reports/discharge-audit');

  if (state.status === 'failed' && state.problem.code !== 'invalid-input') {
    return <ProblemPage problem={state.problem} title={state.problem.status === 403 ? 'You cannot see this report' : 'The report could not be shown'} />;
  }
  const title = 'Discharge audit';
  // Managers can open the record of a person their team held; the board sees the list only.
  const canOpen = user.role === 'team-manager';
  return (
    <>
      <FormErrors errors={shownErrors} />
      <PageHeading title={shownErrors.length ? `Error: ${title}` : title} caption="Report">
        Discharges that break the discharge guard
      </PageHeading>
      <p className="nhsuk-body">
        Discharges of people with psychosis, bipolar disorder, severe depression or personality disorder that give non-attendance as the reason, or
        do not record the MDT decision, the person's relapse indicators, the known harms if a relapse is missed, and the route back in. Discharges
        sent from other systems are included. Non-attendance is never a reason to discharge this group.
      </p>
      <ReportPeriodForm form={form} fromHint="Leave empty to start from the first discharge on record." />
      {state.status === 'loading' ? <Loading what="the report" /> : null}
      {state.status === 'loaded' ? (
        <section aria-labelledby="report-count">
          <h2 id="report-count" className="nhsuk-heading-m">
            {state.data.items.length === 0 ? 'No discharges' : state.data.items.length === 1 ? '1 discharge' : `${state.data.items.length} discharges`}{' '}
            {state.data.from ? `from ${formatDate(state.data.from)} ` : ''}to {formatDate(state.data.to)}
          </h2>
          {state.data.items.length ? (
            <Table responsive caption="Discharges in the report" captionProps={{ className: 'nhsuk-u-visually-hidden' }}>
              <Table.Head>
                <Table.Row>
                  <Table.Cell>Person</Table.Cell>
                  <Table.Cell>What is wrong with the discharge</Table.Cell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {state.data.items.map((item) => (
                  <Table.Row key={`${item.patient.id} ${item.reasons[0]?.evidence[0] ?? ''}`}>
                    <Table.Cell>
                      {canOpen ? <Link to={`/people/${encodeURIComponent(item.patient.id)}`}>Person {item.patient.id}</Link> : `Person ${item.patient.id}`}
                      <span className="nhsuk-body-s app-block app-nowrap">NHS number {formatNhsNumber(item.patient.nhsNumber)}</span>
                    </Table.Cell>
                    <Table.Cell>
                      <ReasonList reasons={item.reasons} />
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          ) : (
            <p className="nhsuk-body">Every discharge in this range of a person with severe and relapsing illness has its reason and records.</p>
          )}
        </section>
      ) : null}
    </>
  );
}
