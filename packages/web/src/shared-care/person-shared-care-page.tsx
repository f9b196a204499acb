import { BackLink } from 'nhsuk-react-components';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useApiResource } from '../api/use-api-resource.ts';
import { fullName } from '../format/people.ts';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import { AccessRefused } from '../people/access-refused.tsx';
import { usePersonRecord } from '../people/use-person-record.ts';
import { AgreementSummary } from './agreement-summary.tsx';
import { ChangeStatusForm } from './change-status-form.tsx';
import { ProposeForm } from './propose-form.tsx';
import type { PersonSharedCareResponse } from './shared-care-types.ts';

/**
 * A person's shared care agreements with their GP practice (docs/shared-care.md): each with who
 * does what and its history, a form to record the practice's answer or an end, and a form to
 * propose a new one. After any change the agreements are read again and the page says what was saved.
 */
export function PersonSharedCarePage() {
  const { id = '' } = useParams();
  const { state, reload } = usePersonRecord(id);
  const [refresh, setRefresh] = useState(0);
  const [saved, setSaved] = useState('');
  const shared = useApiResource<PersonSharedCareResponse>(state.status === 'loaded' ? `/api/people/${encodeURIComponent(id)}/shared-care` : null, refresh);

  if (state.status === 'loading') return <Loading what="the record" />;
  if (state.status === 'refused') return <AccessRefused personId={id} problem={state.problem} onGranted={reload} />;
  if (state.status === 'failed') return <ProblemPage problem={state.problem} title="The record could not be shown" />;
  if (shared.status === 'failed') return <ProblemPage problem={shared.problem} title="Shared care could not be shown" />;
  const person = state.record.person;
  const name = fullName(person.name.given, person.name.family);
  const changed = (message: string) => {
    setSaved(message);
    setRefresh((n) => n + 1);
  };

  return (
    <>
      <BackLink asElement={Link} to={`/people/${encodeURIComponent(id)}`}>
        Back to the record
      </BackLink>
      <PageHeading title={`Shared care for ${name}`} caption={name}>
        Shared care
      </PageHeading>
      <div role="status">{saved ? <p className="nhsuk-inset-text app-confirmation">{saved}</p> : null}</div>
      <p className="nhsuk-body">
        Who prescribes, and who does each monitoring task, between the specialist team and the person’s GP practice. Until the practice accepts, the
        specialist team prescribes and monitors; a proposal unanswered after 14 days, or declined while the medicine is still prescribed, is on the
        shared care worklist.
      </p>
      {shared.status !== 'loaded' ? (
        <Loading what="shared care" />
      ) : (
        <>
          <h2 className="nhsuk-heading-m">Agreements</h2>
          {shared.data.agreements.length === 0 ? <p className="nhsuk-body">No shared care agreement yet.</p> : null}
          {shared.data.agreements.map((agreement) => (
            <section key={`${agreement.id}-${agreement.version}`} aria-label={`Shared care of ${agreement.medicine}`}>
              <AgreementSummary agreement={agreement} />
              <ChangeStatusForm personId={id} agreement={agreement} onChanged={changed} />
            </section>
          ))}
          <h2 className="nhsuk-heading-m">Propose shared care to {shared.data.practice?.name ?? 'the GP practice'}</h2>
          <ProposeForm personId={id} shared={shared.data} onProposed={changed} />
        </>
      )}
    </>
  );
}
