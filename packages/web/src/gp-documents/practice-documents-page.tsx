import { SummaryList } from 'nhsuk-react-components';
import { useApiResource } from '../api/use-api-resource.ts';
import { formatDate, formatDateTime } from '../format/dates.ts';
import { formatNhsNumber } from '../format/people.ts';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import type { PracticeDocumentsResponse } from './gp-summary-types.ts';
import { SummarySections } from './summary-sections.tsx';

/**
 * "Documents from the mental health team", for a GP practice's account: the discharge and transfer
 * summaries sent to the practice about people registered with it, newest first.
 */
export function PracticeDocumentsPage() {
  const state = useApiResource<PracticeDocumentsResponse>('/api/gp-practice/documents');
  if (state.status === 'failed') return <ProblemPage problem={state.problem} title={state.problem.status === 403 ? 'You cannot see this page' : 'The documents could not be shown'} />;
  const title = 'Documents from the mental health team';
  return (
    <>
      <PageHeading title={title} caption={state.status === 'loaded' ? state.data.practice.name : undefined}>
        {title}
      </PageHeading>
      {state.status !== 'loaded' ? (
        <Loading what="your documents" />
      ) : state.data.documents.length === 0 ? (
        <p className="nhsuk-body">No document has been sent to your practice.</p>
      ) : (
        state.data.documents.map((d) => (
          <section key={d.id} aria-labelledby={`document-${d.id}`} className="app-gp-document">
            <h2 className="nhsuk-heading-m" id={`document-${d.id}`}>
              {d.person.name || 'Name not recorded'}: {d.summary.title}
            </h2>
            <SummaryList>
              <SummaryList.Row>
                <SummaryList.Key>NHS number</SummaryList.Key>
                <SummaryList.Value>{formatNhsNumber(d.person.nhsNumber)}</SummaryList.Value>
              </SummaryList.Row>
              <SummaryList.Row>
                <SummaryList.Key>Date of birth</SummaryList.Key>
                <SummaryList.Value>{formatDate(d.person.birthDate)}</SummaryList.Value>
              </SummaryList.Row>
              <SummaryList.Row>
                <SummaryList.Key>Sent</SummaryList.Key>
                <SummaryList.Value>{formatDateTime(d.createdAt)}</SummaryList.Value>
              </SummaryList.Row>
            </SummaryList>
            <SummarySections summary={d.summary} />
          </section>
        ))
      )}
    </>
  );
}
