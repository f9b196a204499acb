import { Button, Radios, Select, Textarea, TextInput } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../api/client.ts';
import { newContactId } from '../contacts/contact-id.ts';
import { errorFor, errorsFromProblem, type FormError } from '../forms/form-errors.tsx';
import { FormPageTop } from '../forms/form-page-top.tsx';
import { referralSources } from '../../../domain/src/fhir/clinical-codes.ts';
import { londonToday } from '../../../domain/src/engagement/london-calendar.ts';

const LABELS: Record<string, string> = {
  given: 'Given name', family: 'Family name', birthDate: 'Date of birth', nhsNumber: 'NHS number (optional)', postcode: 'Postcode (optional)',
  source: 'Referred by', date: 'Date of the referral', priority: 'How soon', reason: 'Why they are referred', referrer: 'Name of the referrer (optional)',
};
const fieldOf = (apiField: string) => (LABELS[apiField] ? { id: apiField, label: LABELS[apiField]!.replace(' (optional)', '') } : undefined);

/**
 * A referral into the single point of access: a phone call, a letter, a self-referral. For someone
 * not yet on record (their details are taken here), or for a person on record (`?person=ID`, from
 * their record). It joins the triage queue; the wait counts from the day it was made.
 */
export function RecordReferralPage() {
  const [params] = useSearchParams();
  const existing = params.get('person');
  const navigate = useNavigate();
  const [ids] = useState(() => ({ referralId: newContactId(), personId: existing ?? newContactId() }));
  const [form, setForm] = useState({ given: '', family: '', birthDate: '', nhsNumber: '', postcode: '', source: '', date: londonToday(), priority: 'routine', reason: '', referrer: '' });
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value });
  const back = existing ? `/people/${encodeURIComponent(existing)}` : '/referrals/triage';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!form.source) return setErrors([{ fieldId: 'source', message: 'Choose who made the referral' }]);
    setBusy(true);
    try {
      await api.post('/api/referrals', {
        ...ids,
        ...(existing ? {} : { newPerson: { given: form.given, family: form.family, birthDate: form.birthDate, nhsNumber: form.nhsNumber || null, postcode: form.postcode || null } }),
        source: form.source, date: form.date, priority: form.priority, reason: form.reason, referrer: form.referrer || null,
      });
      const who = existing ? 'The referral' : `The referral of ${form.given.trim()} ${form.family.trim()}`;
      navigate('/referrals/triage', { state: { confirmation: `${who} is recorded and waiting for triage.` } });
    } catch (problem) {
      setErrors(errorsFromProblem(problem, 'The referral could not be recorded. Please try again.', fieldOf));
    } finally {
      setBusy(false);
    }
  }

  const text = (key: keyof typeof form, more: Record<string, unknown> = {}) => (
    <TextInput id={key} name={key} label={LABELS[key]} value={form[key]} error={errorFor(errors, key)} onChange={set(key)} {...more} />
  );
  return (
    <>
      <FormPageTop back={back} errors={errors} title="Record a referral" caption="Single point of access">
        Record a referral
      </FormPageTop>
      <form onSubmit={submit} noValidate aria-label="Record a referral">
        {existing ? null : (
          <fieldset className="nhsuk-fieldset">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">The person, who is not yet on record</legend>
            {text('given', { autoComplete: 'off' })}
            {text('family', { autoComplete: 'off' })}
            {text('birthDate', { type: 'date', width: 10 })}
            {text('nhsNumber', { inputMode: 'numeric', width: 10, hint: '10 digits, if known. If they are already on record, record the referral from their record instead.' })}
            {text('postcode', { width: 10 })}
          </fieldset>
        )}
        <Select id="source" name="source" label={LABELS.source} value={form.source} error={errorFor(errors, 'source')} onChange={set('source')}>
          <Select.Option value="">Choose who made the referral</Select.Option>
          {Object.entries(referralSources).map(([code, label]) => (
            <Select.Option key={code} value={code}>
              {label}
            </Select.Option>
          ))}
        </Select>
        {text('referrer')}
        {text('date', { type: 'date', width: 10, hint: 'The day the referral was made: the wait counts from it.' })}
        <Radios name="priority" legend={LABELS.priority} legendProps={{ size: 's' }} error={errorFor(errors, 'priority')}>
          <Radios.Item id="priority" value="routine" checked={form.priority === 'routine'} onChange={set('priority')}>
            Routine
          </Radios.Item>
          <Radios.Item id="priority-urgent" value="urgent" checked={form.priority === 'urgent'} onChange={set('priority')}>
            Urgent
          </Radios.Item>
        </Radios>
        <Textarea id="reason" name="reason" label={LABELS.reason} hint="In the referrer’s words." value={form.reason} error={errorFor(errors, 'reason')} onChange={set('reason')} />
        <Button type="submit" disabled={busy}>
          Record the referral
        </Button>
      </form>
    </>
  );
}
