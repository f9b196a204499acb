import { Button, SummaryList } from 'nhsuk-react-components';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { useApiResource } from '../api/use-api-resource.ts';
import { formatDate } from '../format/dates.ts';
import { formatNhsNumber } from '../format/people.ts';
import { errorsFromProblem, FormErrors, type FormError } from '../forms/form-errors.tsx';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import { AgreementHistory } from './agreement-history.tsx';
import type { PracticeSharedCareResponse } from './shared-care-types.ts';

type Shown = PracticeSharedCareResponse['agreements'][number];

/**
 * "Shared care: your responsibilities", for a GP practice's account: each person under shared care
 * with the practice, the medicine and exactly the tasks the practice holds or is asked to hold (never
 * the specialist team's), with the status and its dates; a proposal can be accepted or declined here.
 */
export function PracticePage() {
  const [refresh, setRefresh] = useState(0);
  const [saved, setSaved] = useState('');
  const state = useApiResource<PracticeSharedCareResponse>('/api/shared-care/practice', refresh);
  if (state.status === 'failed') return <ProblemPage problem={state.problem} title={state.problem.status === 403 ? 'You cannot see this page' : 'Shared care could not be shown'} />;
  const title = 'Shared care: your responsibilities';
  const answered = (message: string) => {
    setSaved(message);
    setRefresh((n) => n + 1);
  };
  const proposals = state.status === 'loaded' ? state.data.agreements.filter((a) => a.status === 'proposed') : [];
  const held = state.status === 'loaded' ? state.data.agreements.filter((a) => a.status === 'accepted') : [];
  return (
    <>
      <PageHeading title={title} caption={state.status === 'loaded' ? state.data.practice.name : undefined}>
        {title}
      </PageHeading>
      <div role="status">{saved ? <p className="nhsuk-inset-text app-confirmation">{saved}</p> : null}</div>
      <p className="nhsuk-body">
        The medicines your practice prescribes or monitors under a shared care agreement with a specialist mental health team, and the proposals waiting
        for your answer. Only your practice’s tasks are listed: the specialist team keeps every other task. Until you accept, the specialist team
        prescribes and monitors.
      </p>
      {state.status !== 'loaded' ? (
        <Loading what="your shared care" />
      ) : (
        <>
          <h2 className="nhsuk-heading-m">Waiting for your answer ({proposals.length})</h2>
          {proposals.length === 0 ? <p className="nhsuk-body">No proposal is waiting for your answer.</p> : null}
          {proposals.map((agreement) => (
            <PracticeAgreementView key={`${agreement.id}-${agreement.version}`} agreement={agreement} onAnswered={answered} />
          ))}
          <h2 className="nhsuk-heading-m">Agreements your practice holds ({held.length})</h2>
          {held.length === 0 ? <p className="nhsuk-body">Your practice holds no shared care agreement.</p> : null}
          {held.map((agreement) => (
            <PracticeAgreementView key={`${agreement.id}-${agreement.version}`} agreement={agreement} onAnswered={answered} />
          ))}
        </>
      )}
    </>
  );
}

function PracticeAgreementView({ agreement, onAnswered }: { agreement: Shown; onAnswered: (message: string) => void }) {
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const who = agreement.person.name ?? 'This person';
  const headingId = `agreement-${agreement.id}`;

  async function answer(status: 'accepted' | 'declined') {
    setBusy(true);
    try {
      await api.post(`/api/shared-care/practice/${encodeURIComponent(agreement.id)}/answer`, { status, version: agreement.version });
      onAnswered(`Shared care of ${agreement.medicine} for ${who} ${status}.`);
    } catch (problem) {
      setErrors(errorsFromProblem(problem, 'Your answer could not be recorded. Please try again.', () => undefined));
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={headingId} className="app-shared-care-agreement">
      <h3 className="nhsuk-heading-s" id={headingId}>
        {who}: {agreement.medicine}
      </h3>
      <FormErrors errors={errors} />
      <SummaryList>
        <SummaryList.Row>
          <SummaryList.Key>NHS number</SummaryList.Key>
          <SummaryList.Value>{formatNhsNumber(agreement.person.nhsNumber)}</SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Date of birth</SummaryList.Key>
          <SummaryList.Value>{formatDate(agreement.person.birthDate)}</SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Specialist team</SummaryList.Key>
          <SummaryList.Value>{agreement.team.name}</SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Status</SummaryList.Key>
          <SummaryList.Value>
            <AgreementHistory history={agreement.history} />
          </SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>{agreement.status === 'proposed' ? 'Your practice is asked to do' : 'Your practice does'}</SummaryList.Key>
          <SummaryList.Value>
            <ul className="nhsuk-list nhsuk-list--bullet app-practice-tasks">
              {agreement.tasks.map((t) => (
                <li key={t.task}>{t.name}</li>
              ))}
            </ul>
          </SummaryList.Value>
        </SummaryList.Row>
      </SummaryList>
      {agreement.status === 'proposed' ? (
        <div className="nhsuk-button-group">
          <Button type="button" disabled={busy} onClick={() => void answer('accepted')}>
            Accept<span className="nhsuk-u-visually-hidden"> shared care of {agreement.medicine} for {who}</span>
          </Button>
          <Button type="button" secondary disabled={busy} onClick={() => void answer('declined')}>
            Decline<span className="nhsuk-u-visually-hidden"> shared care of {agreement.medicine} for {who}</span>
          </Button>
        </div>
      ) : null}
    </section>
  );
}
