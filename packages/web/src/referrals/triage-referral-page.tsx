import { BackLink, Button, Radios, Select, Textarea, TextInput } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../api/client.ts';
import { useApiResource } from '../api/use-api-resource.ts';
import { formatDate } from '../format/dates.ts';
import { FormErrors, errorFor, errorsFromProblem, type FormError } from '../forms/form-errors.tsx';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import type { TriageQueueResponse } from './referral-types.ts';
import { triageOutcomes, type TriageOutcome } from '../../../domain/src/referrals/waiting-rules.ts';
import { londonToday } from '../../../domain/src/engagement/london-calendar.ts';

const LABELS: Record<string, string> = { outcome: 'Triage decision', date: 'Date decided', teamId: 'Team', onwardService: 'Onward service', reason: 'Why it was declined' };
const fieldOf = (apiField: string) => (LABELS[apiField] ? { id: apiField, label: LABELS[apiField]! } : undefined);

/** Triage of one referral at the single point of access; the version read goes with the decision. */
export function TriageReferralPage() {
  const { id = '', referralId = '' } = useParams();
  const navigate = useNavigate();
  const queue = useApiResource<TriageQueueResponse>('/api/referrals/untriaged');
  const [form, setForm] = useState({ outcome: '', date: londonToday(), teamId: '', onwardService: '', reason: '' });
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value });

  if (queue.status === 'failed') return <ProblemPage problem={queue.problem} title={queue.problem.status === 403 ? 'You cannot triage referrals' : 'The referral could not be shown'} />;
  if (queue.status !== 'loaded') return <Loading what="the referral" />;
  const referral = queue.data.referrals.find((r) => r.personId === id && r.referralId === referralId);
  if (!referral) return <ProblemPage title="Nothing to triage" problem={new Error('This referral is not waiting for triage: it may have been triaged already.')} />;
  const name = referral.name ?? 'this person';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!form.outcome) return setErrors([{ fieldId: 'outcome', message: 'Choose the triage decision' }]);
    setBusy(true);
    try {
      await api.post(`/api/people/${encodeURIComponent(id)}/referrals/${encodeURIComponent(referralId)}/triage`, {
        version: referral!.version, outcome: form.outcome, date: form.date.trim(),
        ...(form.outcome === 'accepted' ? { teamId: form.teamId || null } : { onwardService: form.onwardService.trim() || null }),
        ...(form.outcome === 'declined' ? { reason: form.reason.trim() || null } : {}),
      });
      const team = queue.status === 'loaded' ? queue.data.teams.find((t) => t.id === form.teamId)?.name : undefined;
      const said = form.outcome === 'accepted' ? `accepted to ${team}` : form.outcome === 'signposted' ? `signposted to ${form.onwardService.trim()}` : 'declined, with an onward route';
      navigate('/referrals/triage', { state: { confirmation: `The referral of ${name} was ${said}.` } });
    } catch (problem) {
      setErrors(errorsFromProblem(problem, 'The triage could not be recorded. Please try again.', fieldOf));
    } finally {
      setBusy(false);
    }
  }

  const title = `Triage the referral of ${name}`;
  return (
    <>
      <BackLink asElement={Link} to="/referrals/triage">
        Back
      </BackLink>
      <FormErrors errors={errors} />
      <PageHeading title={errors.length ? `Error: ${title}` : title} caption={name}>
        Triage a referral
      </PageHeading>
      <p className="nhsuk-body">
        Referred on {formatDate(referral.referredOn)} by {referral.source ?? 'an unrecorded source'}: {referral.reason ?? 'no reason recorded'}.
      </p>
      <form onSubmit={submit} noValidate aria-label="Triage a referral">
        <Radios name="outcome" legend={LABELS.outcome} legendProps={{ size: 's' }} error={errorFor(errors, 'outcome')}>
          {(Object.keys(triageOutcomes) as TriageOutcome[]).map((code, i) => (
            <Radios.Item key={code} id={i === 0 ? 'outcome' : `outcome-${code}`} value={code} checked={form.outcome === code} onChange={set('outcome')}>
              {triageOutcomes[code]}
            </Radios.Item>
          ))}
        </Radios>
        <TextInput id="date" name="date" type="date" label={LABELS.date} hint="Today or earlier." width={10} value={form.date} error={errorFor(errors, 'date')} onChange={set('date')} />
        {form.outcome === 'accepted' ? (
          <Select id="teamId" name="teamId" label={LABELS.teamId} hint="The person waits for this team from the day of the referral." value={form.teamId} error={errorFor(errors, 'teamId')} onChange={set('teamId')}>
            <Select.Option value="">Choose the team</Select.Option>
            {queue.data.teams.map((t) => (
              <Select.Option key={t.id} value={t.id}>
                {t.name}
              </Select.Option>
            ))}
          </Select>
        ) : null}
        {form.outcome === 'signposted' || form.outcome === 'declined' ? (
          <TextInput id="onwardService" name="onwardService" label={LABELS.onwardService} hint="The named service the person can go to, for example NHS Talking Therapies, Northshire." value={form.onwardService} error={errorFor(errors, 'onwardService')} onChange={set('onwardService')} />
        ) : null}
        {form.outcome === 'declined' ? (
          <Textarea id="reason" name="reason" label={LABELS.reason} hint="In words the referrer and the person can read." value={form.reason} error={errorFor(errors, 'reason')} onChange={set('reason')} />
        ) : null}
        <Button type="submit" disabled={busy}>
          Record the decision
        </Button>
      </form>
    </>
  );
}
