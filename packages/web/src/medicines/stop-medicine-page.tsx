import { Textarea, TextInput } from 'nhsuk-react-components';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { formatDate } from '../format/dates.ts';
import { errorFor } from '../forms/form-errors.tsx';
import { MedicineFormPage } from './medicine-form-page.tsx';
import { medicineEntry } from '../../../domain/src/medicines/medicine-entry-rules.ts';
import { londonToday } from '../../../domain/src/engagement/london-calendar.ts';

const LABELS: Record<string, string> = { date: 'Date stopped', reason: 'Why it was stopped' };
const field = (apiField: string) => (LABELS[apiField] ? { id: apiField, label: LABELS[apiField]! } : undefined);

/**
 * The prescriber stops a prescription. The version read goes with it: if someone changed the
 * prescription meanwhile, the API refuses and the prescriber reloads and decides again.
 */
export function StopMedicinePage() {
  const [form, setForm] = useState({ date: londonToday(), reason: '' });
  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value });

  return (
    <MedicineFormPage
      heading="Stop a prescription"
      forMedicine
      submitLabel="Stop the prescription"
      fieldOf={field}
      intro={({ medicine }) => <p className="nhsuk-body">Its monitoring and injections stop being due. {medicine!.dose ? `Prescribed: ${medicine!.dose}.` : ''}</p>}
      send={async ({ person, name, medicine }) => {
        await api.post(`/api/people/${encodeURIComponent(person.id)}/medicines/${encodeURIComponent(medicine!.id)}/stop`, { version: medicine!.version, date: form.date.trim(), reason: form.reason.trim() });
        return `${medicine!.name} stopped for ${name} on ${formatDate(form.date)}.`;
      }}
      fields={({ errors }) => (
        <>
          <TextInput id="date" name="date" type="date" label={LABELS.date} hint="Today or earlier." width={10} value={form.date} error={errorFor(errors, 'date')} onChange={set('date')} />
          <Textarea id="reason" name="reason" label={LABELS.reason} hint={`At most ${medicineEntry.reasonMaxLength} characters.`} value={form.reason} error={errorFor(errors, 'reason')} onChange={set('reason')} />
        </>
      )}
    />
  );
}
