import { BackLink } from 'nhsuk-react-components';
import { Link, useParams } from 'react-router-dom';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import { AccessRefused } from './access-refused.tsx';
import { PersonRecordView } from './person-record-view.tsx';
import { usePersonRecord } from './use-person-record.ts';

export function PersonPage() {
  const { id = '' } = useParams();
  const { state, reload } = usePersonRecord(id);
  return (
    <>
      <BackLink asElement={Link} to="/people">
        Find a person
      </BackLink>
      {state.status === 'loading' ? (
        <>
          <PageHeading title="Person record">Person record</PageHeading>
          <Loading what="the record" />
        </>
      ) : null}
      {state.status === 'refused' ? <AccessRefused personId={id} problem={state.problem} onGranted={reload} /> : null}
      {state.status === 'failed' ? (
        <ProblemPage problem={state.problem} title={state.problem.status === 404 ? 'No record found' : 'The record could not be shown'} />
      ) : null}
      {state.status === 'loaded' ? <PersonRecordView record={state.record} timeline={state.timeline} /> : null}
    </>
  );
}
