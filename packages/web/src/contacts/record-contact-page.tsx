import { Button, Radios, Select, Textarea, TextInput } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../api/client.ts';
import { useSignedInUser } from '../auth/session-context.tsx';
import { formatDate } from '../format/dates.ts';
import { fullName } from '../format/people.ts';
import { errorFor, errorsFromProblem, type FormError } from '../forms/form-errors.tsx';
import { returnPath } from '../forms/return-path.ts';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import { AccessRefused } from '../people/access-refused.tsx';
import { usePersonRecord } from '../people/use-person-record.ts';
import { newContactId } from './contact-id.ts';
// By path, not the domain's index: only these code lists and the calendar, not the validators, go into the app.
import { contactModes } from '../../../domain/src/fhir/codes.ts';
import { contactOutcomes, contactRecording, type ContactMode, type ContactOutcome } from '../../../domain/src/contacts/contact-rules.ts';
import { londonToday } from '../../../domain/src/engagement/london-calendar.ts';
import { FormPageTop } from '../forms/form-page-top.tsx';

const FIELDS = ['date', 'time', 'mode', 'outcome', 'episode', 'note'] as const;
type Field = (typeof FIELDS)[number];
const LABELS: Record<Field, string> = {
  date: 'Date',
  time: 'Time',
  mode: 'Type of contact',
  outcome: 'What happened',
  episode: 'Episode of care',
  note: 'Note',
};
const OPEN = new Set(['planned', 'waitlist', 'active', 'onhold']);

/**
 * Recording a contact, or an appointment that was missed or cancelled. The contact id is made when
 * the form opens, so pressing the button twice (or resending after a lost answer) records it once.
 * On success the user goes back to where they came from, which says what was recorded.
 */
export function RecordContactPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const back = returnPath(params.get('returnTo'), id);
  const navigate = useNavigate();
  const user = useSignedInUser();
  const { state, reload } = usePersonRecord(id);
  const [contactId] = useState(newContactId);
  const [form, setForm] = useState<Record<Field, string>>({ date: londonToday(), time: '', mode: '', outcome: '', episode: '', note: '' });
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const set = (field: Field) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [field]: e.currentTarget.value });

  if (state.status === 'loading') return <Loading what="the record" />;
  if (state.status === 'refused') return <AccessRefused personId={id} problem={state.problem} onGranted={reload} />;
  if (state.status === 'failed') return <ProblemPage problem={state.problem} title="The record could not be shown" />;
  const person = state.record.person;
  const name = fullName(person.name.given, person.name.family);
  const openEpisodes = person.episodes.filter((e) => OPEN.has(e.status));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: FormError[] = [];
    if (!form.mode) missing.push({ fieldId: 'mode', message: 'Choose the type of contact' });
    if (!form.outcome) missing.push({ fieldId: 'outcome', message: 'Choose what happened' });
    if (missing.length) return setErrors(missing);
    setBusy(true);
    const body: Record<string, unknown> = { contactId };
    for (const field of FIELDS) if (form[field].trim()) body[field] = form[field].trim();
    try {
      await api.post(`/api/people/${encodeURIComponent(id)}/contacts`, body);
      const when = `${formatDate(form.date)}${form.time ? ` at ${form.time}` : ''}`;
      const recorded = `${contactOutcomes[form.outcome as ContactOutcome].recorded} recorded for ${name}: ${contactModes[form.mode as ContactMode].toLowerCase()}, ${when}.`;
      navigate(back, { state: { confirmation: recorded } });
    } catch (problem) {
      setErrors(errorsFromProblem(problem, 'The contact could not be recorded. Please try again.', (f) => ((FIELDS as readonly string[]).includes(f) ? { id: f, label: LABELS[f as Field] } : undefined)));
    } finally {
      setBusy(false);
    }
  }

  const title = `Record a contact with ${name}`;
  return (
    <>
      <FormPageTop back={back} errors={errors} title={title} caption={name}>
        Record a contact
      </FormPageTop>
      <p className="nhsuk-body">
        Record a contact once it has happened, or an appointment that was missed or cancelled. A missed appointment is a reason to reach out again,
        never a reason to discharge.
      </p>
      <form onSubmit={submit} noValidate aria-label="Record a contact">
        <TextInput id="date" name="date" type="date" label={LABELS.date} hint="Today or earlier." width={10} value={form.date} error={errorFor(errors, 'date')} onChange={set('date')} />
        <TextInput
          id="time"
          name="time"
          type="time"
          label={`${LABELS.time} (optional for a contact that happened)`}
          hint="For a missed or cancelled appointment, the time it was booked for."
          width={5}
          value={form.time}
          error={errorFor(errors, 'time')}
          onChange={set('time')}
        />
        <Radios name="mode" legend={LABELS.mode} legendProps={{ size: 's' }} hint="For a missed or cancelled appointment, the kind of appointment it was." error={errorFor(errors, 'mode')}>
          {Object.entries(contactModes).map(([code, label], i) => (
            <Radios.Item key={code} id={i === 0 ? 'mode' : `mode-${code}`} value={code} checked={form.mode === code} onChange={set('mode')}>
              {label}
            </Radios.Item>
          ))}
        </Radios>
        <Radios name="outcome" legend={LABELS.outcome} legendProps={{ size: 's' }} error={errorFor(errors, 'outcome')}>
          {Object.entries(contactOutcomes).map(([code, outcome], i) => (
            <Radios.Item key={code} id={i === 0 ? 'outcome' : `outcome-${code}`} value={code} checked={form.outcome === code} onChange={set('outcome')}>
              {outcome.label}
            </Radios.Item>
          ))}
        </Radios>
        {openEpisodes.length > 1 ? (
          <Select id="episode" name="episode" label={LABELS.episode} hint="Leave as it is to file it under the episode your team holds." value={form.episode} error={errorFor(errors, 'episode')} onChange={set('episode')}>
            <Select.Option value="">The episode my team holds</Select.Option>
            {openEpisodes.map((e) => (
              <Select.Option key={e.id} value={e.id}>
                {`${e.team ?? 'Unnamed team'}, since ${formatDate(e.start)}${e.teamId && user.teams.some((t) => t.id === e.teamId) ? ' (your team)' : ''}`}
              </Select.Option>
            ))}
          </Select>
        ) : null}
        <Textarea
          id="note"
          name="note"
          label={`${LABELS.note} (optional)`}
          hint="A line for colleagues: where, who else was there, what was agreed."
          rows={3}
          maxLength={contactRecording.noteMaxLength}
          value={form.note}
          error={errorFor(errors, 'note')}
          onChange={set('note')}
        />
        <Button type="submit" disabled={busy}>
          Record the contact
        </Button>
      </form>
    </>
  );
}
