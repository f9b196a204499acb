import { Button, Radios, Textarea, TextInput } from 'nhsuk-react-components';
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
// By path, not the domain's index: only the rules' words and the calendar, not the validators, go into the app.
import { physicalHealthRules } from '../../../domain/src/physical-health/physical-health-rules.ts';
import { londonToday } from '../../../domain/src/engagement/london-calendar.ts';
import { FormPageTop } from '../forms/form-page-top.tsx';

const METHODS: Record<string, string> = physicalHealthRules.invitation.methods;
const FIELDS = ['date', 'method', 'note'] as const;
type Field = (typeof FIELDS)[number];
const LABELS: Record<Field, string> = { date: 'Date sent', method: 'How the invitation went out', note: 'What was offered' };

/**
 * Recording an invitation to the SMI annual physical health check, so that a person who does not
 * respond is followed up (the monitoring-overdue list says so once the follow-up days have passed).
 * The invitation id is made when the form opens, so pressing the button twice records it once.
 */
export function RecordInvitationPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const back = returnPath(params.get('returnTo'), id);
  const navigate = useNavigate();
  const { state, reload } = usePersonRecord(id);
  const [invitationId] = useState(newContactId);
  const [form, setForm] = useState<Record<Field, string>>({ date: londonToday(), method: '', note: '' });
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const set = (field: Field) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [field]: e.currentTarget.value });

  if (state.status === 'loading') return <Loading what="the record" />;
  if (state.status === 'refused') return <AccessRefused personId={id} problem={state.problem} onGranted={reload} />;
  if (state.status === 'failed') return <ProblemPage problem={state.problem} title="The record could not be shown" />;
  const person = state.record.person;
  const name = fullName(person.name.given, person.name.family);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!form.method) return setErrors([{ fieldId: 'method', message: 'Choose how the invitation went out' }]);
    setBusy(true);
    const body: Record<string, unknown> = { invitationId, date: form.date.trim(), method: form.method };
    if (form.note.trim()) body.note = form.note.trim();
    try {
      await api.post(`/api/people/${encodeURIComponent(id)}/physical-health/invitations`, body);
      navigate(back, { state: { confirmation: `Invitation to the physical health check recorded for ${name}: ${METHODS[form.method]!.toLowerCase()}, ${formatDate(form.date)}.` } });
    } catch (problem) {
      setErrors(errorsFromProblem(problem, 'The invitation could not be recorded. Please try again.', (f) => ((FIELDS as readonly string[]).includes(f) ? { id: f, label: LABELS[f as Field] } : undefined)));
    } finally {
      setBusy(false);
    }
  }

  const title = `Record an invitation to the physical health check for ${name}`;
  return (
    <>
      <FormPageTop back={back} errors={errors} title={title} caption={name}>
        Record an invitation to the physical health check
      </FormPageTop>
      <p className="nhsuk-body">
        Record an invitation once it has gone out. If the check is still incomplete {physicalHealthRules.invitation.followUpAfterDays} days later, the
        monitoring overdue list says the person has not responded, so someone follows up.
      </p>
      <form onSubmit={submit} noValidate aria-label="Record an invitation">
        <TextInput id="date" name="date" type="date" label={LABELS.date} hint="Today or earlier." width={10} value={form.date} error={errorFor(errors, 'date')} onChange={set('date')} />
        <Radios name="method" legend={LABELS.method} legendProps={{ size: 's' }} error={errorFor(errors, 'method')}>
          {Object.entries(METHODS).map(([code, label], i) => (
            <Radios.Item key={code} id={i === 0 ? 'method' : `method-${code}`} value={code} checked={form.method === code} onChange={set('method')}>
              {label}
            </Radios.Item>
          ))}
        </Radios>
        <Textarea id="note" name="note" label={`${LABELS.note} (optional)`} hint="For example the clinic, day and time offered." rows={2} maxLength={1000} value={form.note} error={errorFor(errors, 'note')} onChange={set('note')} />
        <Button type="submit" disabled={busy}>
          Record the invitation
        </Button>
      </form>
    </>
  );
}
