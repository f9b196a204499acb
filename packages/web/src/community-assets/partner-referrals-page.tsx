import { Button, SummaryList, Textarea } from 'nhsuk-react-components';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { useApiResource } from '../api/use-api-resource.ts';
import { formatDate } from '../format/dates.ts';
import { errorFor, errorsFromProblem, FormErrors, type FormError } from '../forms/form-errors.tsx';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import { assetNeeds } from '../../../domain/src/community-assets/asset-lists.ts';
import type { PartnerReferral } from './community-asset-types.ts';

const stepLabels: Record<string, string> = { sent: 'Sent', accepted: 'Accepted', declined: 'Declined', attended: 'Attended', 'did-not-attend': 'Did not attend' };

/**
 * "Referrals to your services", for a partner organisation's account: each referral to a service
 * it keeps, with only the person's name and phone number and what the referral is for; the
 * partner accepts or declines (with a reason), then says whether the person came.
 */
export function PartnerReferralsPage() {
  const [refresh, setRefresh] = useState(0);
  const [saved, setSaved] = useState('');
  const state = useApiResource<{ referrals: PartnerReferral[] }>('/api/community-assets/referrals', refresh);
  if (state.status === 'failed') return <ProblemPage problem={state.problem} title={state.problem.status === 403 ? 'You cannot see this page' : 'Referrals could not be shown'} />;
  const title = 'Referrals to your services';
  const answered = (message: string) => {
    setSaved(message);
    setRefresh((n) => n + 1);
  };
  const open = state.status === 'loaded' ? state.data.referrals.filter((r) => r.status === 'sent' || r.status === 'accepted') : [];
  const closed = state.status === 'loaded' ? state.data.referrals.filter((r) => r.status !== 'sent' && r.status !== 'accepted') : [];
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <div role="status">{saved ? <p className="nhsuk-inset-text app-confirmation">{saved}</p> : null}</div>
      <p className="nhsuk-body">
        People referred to your services by their mental health team. You see their name, phone number and what the referral is for, nothing else.
        Say whether you can take each referral, and later whether the person came, so their team knows.
      </p>
      {state.status !== 'loaded' ? (
        <Loading what="referrals" />
      ) : (
        <>
          <h2 className="nhsuk-heading-m">Waiting for you ({open.length})</h2>
          {open.length === 0 ? <p className="nhsuk-body">No referral is waiting for you.</p> : null}
          {open.map((r) => (
            <ReferralView key={`${r.id}-${r.version}`} referral={r} onAnswered={answered} />
          ))}
          <h2 className="nhsuk-heading-m">Closed ({closed.length})</h2>
          {closed.length === 0 ? <p className="nhsuk-body">No closed referral.</p> : null}
          {closed.map((r) => (
            <ReferralView key={`${r.id}-${r.version}`} referral={r} onAnswered={answered} />
          ))}
        </>
      )}
    </>
  );
}

function ReferralView({ referral, onAnswered }: { referral: PartnerReferral; onAnswered: (message: string) => void }) {
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState('');
  const who = referral.person.name;
  const headingId = `referral-${referral.id}`;
  const reasonId = `decline-reason-${referral.id}`;

  async function answer(status: string) {
    setBusy(true);
    try {
      await api.post(`/api/community-assets/referrals/${encodeURIComponent(referral.id)}`, { status, version: referral.version, ...(status === 'declined' ? { reason } : {}) });
      onAnswered(`Referral of ${who} to ${referral.asset.name}: ${stepLabels[status]!.toLowerCase()}.`);
    } catch (problem) {
      setErrors(errorsFromProblem(problem, 'Your answer could not be recorded. Please try again.', (field) => (field === 'reason' ? { id: reasonId, label: 'Reason for declining' } : undefined)));
      setBusy(false);
    }
  }
  const hidden = <span className="nhsuk-u-visually-hidden"> the referral of {who}</span>;

  return (
    <section aria-labelledby={headingId} className="app-community-referral">
      <h3 className="nhsuk-heading-s" id={headingId}>
        {who}: {referral.asset.name}
      </h3>
      <FormErrors errors={errors} />
      <SummaryList>
        <SummaryList.Row>
          <SummaryList.Key>Phone</SummaryList.Key>
          <SummaryList.Value>{referral.person.phone ?? 'Not recorded: ask the referring team'}</SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>For</SummaryList.Key>
          <SummaryList.Value>
            {(assetNeeds as Record<string, string>)[referral.need] ?? referral.need}: {referral.reason}
          </SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Status</SummaryList.Key>
          <SummaryList.Value>
            <ul className="nhsuk-list">
              {referral.history.map((step, i) => (
                <li key={i}>
                  {stepLabels[step.status] ?? step.status} on {formatDate(step.date)}
                  {step.reason ? `: ${step.reason}` : ''}
                </li>
              ))}
            </ul>
          </SummaryList.Value>
        </SummaryList.Row>
      </SummaryList>
      {referral.status === 'sent' ? (
        <>
          <div className="nhsuk-button-group">
            <Button type="button" disabled={busy} onClick={() => void answer('accepted')}>
              Accept{hidden}
            </Button>
          </div>
          <Textarea id={reasonId} label="Reason for declining" hint="Needed to decline, so the team can find another route." rows={2} value={reason} error={errorFor(errors, reasonId)} onChange={(e) => setReason(e.currentTarget.value)} />
          <Button type="button" secondary disabled={busy} onClick={() => void answer('declined')}>
            Decline{hidden}
          </Button>
        </>
      ) : referral.status === 'accepted' ? (
        <div className="nhsuk-button-group">
          <Button type="button" disabled={busy} onClick={() => void answer('attended')}>
            Attended<span className="nhsuk-u-visually-hidden">: {who}</span>
          </Button>
          <Button type="button" secondary disabled={busy} onClick={() => void answer('did-not-attend')}>
            Did not attend<span className="nhsuk-u-visually-hidden">: {who}</span>
          </Button>
        </div>
      ) : null}
    </section>
  );
}
