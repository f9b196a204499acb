import { Radios, Select, TextInput } from 'nhsuk-react-components';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { newContactId } from '../contacts/contact-id.ts';
import { formatDate } from '../format/dates.ts';
import { errorFor } from '../forms/form-errors.tsx';
import { MedicineFormPage } from './medicine-form-page.tsx';
import { medicineEntry } from '../../../domain/src/medicines/medicine-entry-rules.ts';
import { londonToday } from '../../../domain/src/engagement/london-calendar.ts';

const LABELS: Record<string, string> = { status: 'Was the injection given?', date: 'Date', time: 'Time', reason: 'Why it was not given' };
const field = (apiField: string) => (apiField === 'status' || apiField === 'outcome' ? { id: 'outcome', label: LABELS.status! } : LABELS[apiField] ? { id: apiField, label: LABELS[apiField]! } : undefined);

/**
 * A dose of a long-acting injection given, or due and not given with the reason. The next due date
 * counts from the last dose given; a dose not given leaves it where it was.
 */
export function RecordInjectionPage() {
  const [administrationId] = useState(newContactId);
  const [form, setForm] = useState({ outcome: '', date: londonToday(), time: '', reason: '' });
  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value });

  return (
    <MedicineFormPage
      heading="Record an injection"
      forMedicine
      submitLabel="Record the injection"
      fieldOf={field}
      check={() => (form.outcome ? [] : [{ fieldId: 'outcome', message: 'Choose whether the injection was given' }])}
      intro={({ medicine }) => (
        <p className="nhsuk-body">
          {medicine!.dose ? `${medicine!.dose}. ` : ''}
          {medicine!.injectionSchedule?.nextDue ? `Due ${formatDate(medicine!.injectionSchedule.nextDue)}.` : ''}
        </p>
      )}
      send={async ({ person, name, medicine }) => {
        await api.post(`/api/people/${encodeURIComponent(person.id)}/medicines/${encodeURIComponent(medicine!.id)}/injections`, {
          administrationId, outcome: form.outcome, date: form.date.trim(), ...(form.time.trim() ? { time: form.time.trim() } : {}), ...(form.outcome === 'not-given' ? { reason: form.reason || null } : {}),
        });
        return form.outcome === 'given' ? `${medicine!.name} recorded as given to ${name} on ${formatDate(form.date)}.` : `${medicine!.name} recorded as not given to ${name} on ${formatDate(form.date)}.`;
      }}
      fields={({ errors }) => (
        <>
          <Radios name="outcome" legend={LABELS.status} legendProps={{ size: 's' }} error={errorFor(errors, 'outcome')}>
            <Radios.Item id="outcome" value="given" checked={form.outcome === 'given'} onChange={set('outcome')}>
              Given
            </Radios.Item>
            <Radios.Item id="outcome-not-given" value="not-given" checked={form.outcome === 'not-given'} onChange={set('outcome')}>
              Due but not given
            </Radios.Item>
          </Radios>
          <TextInput id="date" name="date" type="date" label={LABELS.date} hint="Today or earlier." width={10} value={form.date} error={errorFor(errors, 'date')} onChange={set('date')} />
          <TextInput id="time" name="time" type="time" label={`${LABELS.time} (optional)`} width={5} value={form.time} error={errorFor(errors, 'time')} onChange={set('time')} />
          {form.outcome === 'not-given' ? (
            <Select id="reason" name="reason" label={LABELS.reason} value={form.reason} error={errorFor(errors, 'reason')} onChange={set('reason')}>
              <Select.Option value="">Choose the reason</Select.Option>
              {Object.entries(medicineEntry.notGivenReasons).map(([code, label]) => (
                <Select.Option key={code} value={code}>
                  {label}
                </Select.Option>
              ))}
            </Select>
          ) : null}
        </>
      )}
    />
  );
}
