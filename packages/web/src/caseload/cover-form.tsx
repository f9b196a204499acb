import { Button, Select, TextInput } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { api, ApiProblem } from '../api/client.ts';
import { FormErrors, errorFor, type FormError } from '../forms/form-errors.tsx';

const FIELD_IDS: Record<string, string> = { absentPractitionerId: 'cover-absent', coveringPractitionerId: 'cover-covering', from: 'cover-from', to: 'cover-to', reason: 'cover-reason' };
const FIELD_NAMES: Record<string, string> = { absentPractitionerId: 'Who is away', coveringPractitionerId: 'Who covers', from: 'First day', to: 'Last day', reason: 'Reason' };

/**
 * Records cover while a key worker is away: from the first day to the last, their people are on
 * the covering worker's list. Team managers only (the server says so if not).
 */
export function CoverForm({ teamId, keyWorkers, onRecorded }: { teamId: string; keyWorkers: ReadonlyArray<{ id: string; name: string }>; onRecorded: (summary: string) => void }) {
  const [absent, setAbsent] = useState('');
  const [covering, setCovering] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: FormError[] = [];
    if (!absent) missing.push({ fieldId: 'cover-absent', message: 'Choose who is away' });
    if (!covering) missing.push({ fieldId: 'cover-covering', message: 'Choose who covers' });
    if (!from) missing.push({ fieldId: 'cover-from', message: 'Enter the first day of cover' });
    if (!to) missing.push({ fieldId: 'cover-to', message: 'Enter the last day of cover' });
    if (missing.length) return setErrors(missing);
    try {
      await api.post(`/api/teams/${encodeURIComponent(teamId)}/cover`, { absentPractitionerId: absent, coveringPractitionerId: covering, from, to, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      setErrors([]);
      const name = (id: string) => keyWorkers.find((k) => k.id === id)?.name ?? id;
      onRecorded(`${name(covering)} covers ${name(absent)} from ${from} to ${to}.`);
    } catch (problem) {
      const p = problem instanceof ApiProblem ? problem : new ApiProblem(0, 'unexpected', 'The cover could not be saved. Please try again.');
      setErrors(p.fields.length ? p.fields.map((f) => ({ fieldId: FIELD_IDS[f.field], message: `${FIELD_NAMES[f.field] ?? f.field} ${f.message}` })) : [{ message: p.message }]);
    }
  }

  const choose = (id: string, label: string, value: string, set: (v: string) => void) => (
    <Select id={id} label={label} labelProps={{ size: 's' }} value={value} error={errorFor(errors, id)} onChange={(e) => set(e.currentTarget.value)}>
      <Select.Option value="">Choose a key worker</Select.Option>
      {keyWorkers.map((k) => (
        <Select.Option key={k.id} value={k.id}>
          {k.name}
        </Select.Option>
      ))}
    </Select>
  );
  return (
    <section aria-labelledby="record-cover">
      <h2 id="record-cover" className="nhsuk-heading-m">
        Record cover
      </h2>
      <FormErrors errors={errors} />
      <form onSubmit={submit} noValidate aria-label="Record cover">
        {choose('cover-absent', 'Who is away', absent, setAbsent)}
        {choose('cover-covering', 'Who covers their people', covering, setCovering)}
        <TextInput id="cover-from" type="date" label="First day" labelProps={{ size: 's' }} width={10} value={from} error={errorFor(errors, 'cover-from')} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput id="cover-to" type="date" label="Last day" labelProps={{ size: 's' }} hint="Cover includes this day." width={10} value={to} error={errorFor(errors, 'cover-to')} onChange={(e) => setTo(e.currentTarget.value)} />
        <TextInput id="cover-reason" label="Reason (optional)" labelProps={{ size: 's' }} hint="For example, annual leave. Do not write about anyone's health here." value={reason} error={errorFor(errors, 'cover-reason')} onChange={(e) => setReason(e.currentTarget.value)} />
        <Button type="submit">Record cover</Button>
      </form>
    </section>
  );
}
