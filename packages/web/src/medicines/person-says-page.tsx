import { Radios, Textarea, TextInput } from 'nhsuk-react-components';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { newContactId } from '../contacts/contact-id.ts';
import { formatDate } from '../format/dates.ts';
import { errorFor } from '../forms/form-errors.tsx';
import { MedicineFormPage } from './medicine-form-page.tsx';
import { medicineEntry } from '../../../domain/src/medicines/medicine-entry-rules.ts';
import { londonToday } from '../../../domain/src/engagement/london-calendar.ts';

const LABELS: Record<string, string> = { status: 'What the person says', date: 'When', note: 'In their words' };
const field = (apiField: string) => (apiField === 'status' || apiField === 'kind' ? { id: 'kind', label: LABELS.status! } : LABELS[apiField] ? { id: apiField, label: LABELS[apiField]! } : undefined);

/**
 * The person says they have stopped a prescribed medicine against advice, or are taking it again.
 * Stopping puts them on the disengaged list with their words as the evidence; taking it again
 * takes that reason away. The prescription itself is the prescriber's to change.
 */
export function PersonSaysPage() {
  const [statementId] = useState(newContactId);
  const [form, setForm] = useState({ kind: '', date: londonToday(), note: '' });
  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value });

  return (
    <MedicineFormPage
      heading="Record what the person says about this medicine"
      forMedicine
      submitLabel="Record it"
      fieldOf={field}
      check={() => (form.kind ? [] : [{ fieldId: 'kind', message: 'Choose what the person says' }])}
      intro={() => <p className="nhsuk-body">Stopping against advice puts the person on the disengaged list until they take it again or the prescriber changes the prescription.</p>}
      send={async ({ person, name, medicine }) => {
        await api.post(`/api/people/${encodeURIComponent(person.id)}/medicines/${encodeURIComponent(medicine!.id)}/statements`, {
          statementId, kind: form.kind, date: form.date.trim(), ...(form.note.trim() ? { note: form.note.trim() } : {}),
        });
        return form.kind === 'stopped-against-advice' ? `${name} stopped ${medicine!.name} against advice on ${formatDate(form.date)}: recorded.` : `${name} is taking ${medicine!.name} again: recorded.`;
      }}
      fields={({ errors }) => (
        <>
          <Radios name="kind" legend={LABELS.status} legendProps={{ size: 's' }} error={errorFor(errors, 'kind')}>
            <Radios.Item id="kind" value="stopped-against-advice" checked={form.kind === 'stopped-against-advice'} onChange={set('kind')}>
              They have stopped taking it, against advice
            </Radios.Item>
            <Radios.Item id="kind-taking-again" value="taking-again" checked={form.kind === 'taking-again'} onChange={set('kind')}>
              They are taking it again
            </Radios.Item>
          </Radios>
          <TextInput id="date" name="date" type="date" label={LABELS.date} hint="The day they stopped or started again: today or earlier." width={10} value={form.date} error={errorFor(errors, 'date')} onChange={set('date')} />
          <Textarea id="note" name="note" label={`${LABELS.note} (optional)`} hint={`Kept as they said it. At most ${medicineEntry.reasonMaxLength} characters.`} value={form.note} error={errorFor(errors, 'note')} onChange={set('note')} />
        </>
      )}
    />
  );
}
