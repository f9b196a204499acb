import { Button, Textarea, TextInput } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../api/client.ts';
import { newContactId } from '../contacts/contact-id.ts';
import { formatDate } from '../format/dates.ts';
import { fullName } from '../format/people.ts';
import { errorFor, errorsFromProblem, type FormError } from '../forms/form-errors.tsx';
import { returnPath } from '../forms/return-path.ts';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import { AccessRefused } from '../people/access-refused.tsx';
import { usePersonRecord } from '../people/use-person-record.ts';
import { londonToday } from '../../../domain/src/engagement/london-calendar.ts';
import { FormPageTop } from '../forms/form-page-top.tsx';

const LABELS: Record<string, string> = { date: 'Date', note: 'How they are and what they were told' };
const fieldOf = (apiField: string) => (LABELS[apiField] ? { id: apiField, label: LABELS[apiField]! } : undefined);

/** A check-in with a person while they wait: recorded against the referral, shown on the waiting list; it does not stop the clock. */
export function CheckInPage() {
  const { id = '', referralId = '' } = useParams();
  const [params] = useSearchParams();
  const back = returnPath(params.get('returnTo'), id);
  const navigate = useNavigate();
  const { state, reload } = usePersonRecord(id);
  const [checkInId] = useState(newContactId);
  const [form, setForm] = useState({ date: londonToday(), note: '' });
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value });

  if (state.status === 'loading') return <Loading what="the record" />;
  if (state.status === 'refused') return <AccessRefused personId={id} problem={state.problem} onGranted={reload} />;
  if (state.status === 'failed') return <ProblemPage problem={state.problem} title="The record could not be shown" />;
  const name = fullName(state.record.person.name.given, state.record.person.name.family);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await api.post(`/api/people/${encodeURIComponent(id)}/referrals/${encodeURIComponent(referralId)}/check-ins`, { checkInId, date: form.date.trim(), note: form.note });
      navigate(back, { state: { confirmation: `Check-in with ${name} on ${formatDate(form.date)} recorded.` } });
    } catch (problem) {
      setErrors(errorsFromProblem(problem, 'The check-in could not be recorded. Please try again.', fieldOf));
    } finally {
      setBusy(false);
    }
  }

  const title = `Record a check-in with ${name}`;
  return (
    <>
      <FormPageTop back={back} errors={errors} title={title} caption={name}>
        Record a check-in
      </FormPageTop>
      <p className="nhsuk-body">A call or message to someone waiting: how they are, and that they know where to turn in a crisis. It does not end the wait.</p>
      <form onSubmit={submit} noValidate aria-label="Record a check-in">
        <TextInput id="date" name="date" type="date" label={LABELS.date} hint="Today or earlier." width={10} value={form.date} error={errorFor(errors, 'date')} onChange={set('date')} />
        <Textarea id="note" name="note" label={LABELS.note} value={form.note} error={errorFor(errors, 'note')} onChange={set('note')} />
        <Button type="submit" disabled={busy}>
          Record the check-in
        </Button>
      </form>
    </>
  );
}
