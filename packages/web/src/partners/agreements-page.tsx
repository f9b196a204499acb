import { Table } from 'nhsuk-react-components';
import { Link } from 'react-router-dom';
import { useApiResource } from '../api/use-api-resource.ts';
import { formatDate } from '../format/dates.ts';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import { AgreementStateTag } from './agreement-state-tag.tsx';
import type { AgreementsResponse } from './partner-types.ts';

/**
 * "Information-sharing agreements": every agreement with the trust's partners, where it stands
 * today, what it shares and on what legal basis. Administrators and team managers add and change them.
 */
export function AgreementsPage() {
  const state = useApiResource<AgreementsResponse>('/api/sharing-agreements');
  const title = 'Information-sharing agreements';
  if (state.status === 'failed') return <ProblemPage problem={state.problem} title={state.problem.status === 403 ? 'You cannot see this page' : 'Agreements could not be shown'} />;
  if (state.status !== 'loaded') return <Loading what="agreements" />;
  const { agreements, legalBases, categories, canEdit, reviewDueWithinDays } = state.data;
  const label = (list: Array<{ code: string; label: string }>, code: string) => list.find((c) => c.code === code)?.label ?? code;
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="nhsuk-body">
        A partner organisation sees a person only when their team has linked it to them, and then only the categories a live agreement allows. An agreement
        is due for review {reviewDueWithinDays} days before its review date, and shares nothing once that date has passed until it is reviewed.
      </p>
      {canEdit ? (
        <p className="nhsuk-body">
          <Link to="/sharing-agreements/new">Add an agreement</Link>
        </p>
      ) : null}
      {agreements.length === 0 ? (
        <p className="nhsuk-body">There are no agreements yet, so nothing is shared with any partner.</p>
      ) : (
        <Table responsive caption="Agreements, soonest review first">
          <Table.Head>
            <Table.Row>
              <Table.Cell>Agreement</Table.Cell>
              <Table.Cell>Partners</Table.Cell>
              <Table.Cell>Legal basis</Table.Cell>
              <Table.Cell>Shares</Table.Cell>
              <Table.Cell>Dates</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {agreements.map((a) => (
              <Table.Row key={a.id}>
                <Table.Cell>
                  <span className="app-block">{a.title}</span>
                  <AgreementStateTag state={a.state} />
                  {canEdit ? (
                    <Link className="app-block nhsuk-body-s" to={`/sharing-agreements/${encodeURIComponent(a.id)}/edit`}>
                      Change<span className="nhsuk-u-visually-hidden"> {a.title}</span>
                    </Link>
                  ) : null}
                </Table.Cell>
                <Table.Cell>{a.partners.map((p) => p.name).join(', ')}</Table.Cell>
                <Table.Cell>{label(legalBases, a.legalBasis)}</Table.Cell>
                <Table.Cell>{a.categories.map((c) => label(categories, c)).join(', ')}</Table.Cell>
                <Table.Cell>
                  From {formatDate(a.startDate)}, review by {formatDate(a.reviewDate)}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </>
  );
}
