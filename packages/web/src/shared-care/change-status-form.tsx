import { Button, Select, TextInput } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import { errorFor, errorsFromProblem, FormErrors, type FormError } from '../forms/form-errors.tsx';
import type { AgreementView } from './shared-care-types.ts';
// By path, not the domain's index: only the rules and the calendar go into the app.
import { sharedCareStatuses, sharedCareTransitions } from '../../../domain/src/shared-care/shared-care-rules.ts';
import { londonToday } from '../../../domain/src/engagement/london-calendar.ts';

/**
 * Records the GP practice's answer (accepted, declined), or an end, with its day, on the version of
 * the agreement shown: if someone changed it since, the server refuses and the page reloads it.
 */
export function ChangeStatusForm({ personId, agreement, onChanged }: { personId: string; agreement: AgreementView; onChanged: (message: string) => void }) {
  const next = sharedCareTransitions[agreement.status];
  const [status, setStatus] = useState('');
  const [date, setDate] = useState(londonToday());
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  if (next.length === 0) return null;
  const ids = { status: `status-${agreement.id}`, date: `date-${agreement.id}` };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!status) return setErrors([{ fieldId: ids.status, message: 'Choose what happened' }]);
    setBusy(true);
    try {
      await api.post(`/api/people/${encodeURIComponent(personId)}/shared-care/${encodeURIComponent(agreement.id)}/status`, { status, date: date.trim(), version: agreement.version });
      setErrors([]);
      onChanged(`Shared care of ${agreement.medicine} recorded as ${status} on ${date}.`);
    } catch (problem) {
      setErrors(errorsFromProblem(problem, 'The change could not be recorded. Please try again.', (f) => (f === 'status' ? { id: ids.status, label: 'Status' } : f === 'date' ? { id: ids.date, label: 'Date' } : undefined)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={`Record a change to shared care of ${agreement.medicine}`}>
      <FormErrors errors={errors} />
      <Select id={ids.status} label="What happened" value={status} error={errorFor(errors, ids.status)} onChange={(e) => setStatus(e.currentTarget.value)}>
        <Select.Option value="">Choose</Select.Option>
        {next.map((s) => (
          <Select.Option key={s} value={s}>
            {sharedCareStatuses[s].label}
          </Select.Option>
        ))}
      </Select>
      <TextInput id={ids.date} type="date" label="On" hint="Today or earlier." width={10} value={date} error={errorFor(errors, ids.date)} onChange={(e) => setDate(e.currentTarget.value)} />
      <Button type="submit" secondary disabled={busy}>
        Record the change
      </Button>
    </form>
  );
}
