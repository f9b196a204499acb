import { Select, TextInput } from 'nhsuk-react-components';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { newContactId } from '../contacts/contact-id.ts';
import { formatDate } from '../format/dates.ts';
import { errorFor } from '../forms/form-errors.tsx';
import { MedicineFormPage } from './medicine-form-page.tsx';
// By path, not the domain's index: only the code lists and the calendar go into the app.
import { medicineCodes, type MedicineClass } from '../../../domain/src/fhir/clinical-codes.ts';
import { medicineEntry } from '../../../domain/src/medicines/medicine-entry-rules.ts';
import { londonToday } from '../../../domain/src/engagement/london-calendar.ts';

const CLASSES: Record<MedicineClass, string> = {
  lithium: 'Lithium',
  clozapine: 'Clozapine',
  valproate: 'Valproate',
  'oral-antipsychotic': 'Antipsychotics by mouth',
  'long-acting-injection': 'Long-acting injections',
};
const LABELS: Record<string, string> = { medicine: 'Medicine', dose: 'Dose and how it is taken', date: 'Date prescribed', intervalDays: 'Days between injections' };
const field = (apiField: string) => (LABELS[apiField] ? { id: apiField, label: LABELS[apiField]! } : undefined);

/**
 * Prescribing a medicine the platform recognises (prescribers only; the API refuses anyone else).
 * The medicine's codes, route and, for a long-acting injection, its interval are written so the
 * monitoring and injection rules count it from the day it was prescribed.
 */
export function PrescribePage() {
  const [prescriptionId] = useState(newContactId);
  const [form, setForm] = useState({ medicine: '', dose: '', date: londonToday(), intervalDays: '' });
  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value });
  const chosen = medicineCodes.find((m) => m.key === form.medicine);

  return (
    <MedicineFormPage
      heading="Prescribe a medicine"
      forMedicine={false}
      submitLabel="Prescribe"
      fieldOf={field}
      check={() => (chosen ? [] : [{ fieldId: 'medicine', message: 'Choose the medicine' }])}
      intro={() => (
        <p className="nhsuk-body">
          Medicines that need monitoring or are given by injection. The monitoring overdue list and the injection due dates count from the day
          it was prescribed.
        </p>
      )}
      send={async ({ person, name }) => {
        await api.post(`/api/people/${encodeURIComponent(person.id)}/medicines`, {
          prescriptionId, medicine: form.medicine, dose: form.dose.trim(), date: form.date.trim(), ...(chosen?.injectionIntervalDays && form.intervalDays.trim() ? { intervalDays: form.intervalDays.trim() } : {}),
        });
        return `${chosen!.display} prescribed for ${name} on ${formatDate(form.date)}.`;
      }}
      fields={({ errors }) => (
        <>
          <Select id="medicine" name="medicine" label={LABELS.medicine} value={form.medicine} error={errorFor(errors, 'medicine')} onChange={set('medicine')}>
            <Select.Option value="">Choose the medicine</Select.Option>
            {(Object.keys(CLASSES) as MedicineClass[]).map((group) => (
              <optgroup key={group} label={CLASSES[group]}>
                {medicineCodes.filter((m) => m.class === group).map((m) => (
                  <Select.Option key={m.key} value={m.key}>
                    {m.display}
                  </Select.Option>
                ))}
              </optgroup>
            ))}
          </Select>
          <TextInput id="dose" name="dose" label={LABELS.dose} hint={`For example "800 mg modified-release tablets at night". At most ${medicineEntry.doseMaxLength} characters.`} value={form.dose} error={errorFor(errors, 'dose')} onChange={set('dose')} />
          <TextInput id="date" name="date" type="date" label={LABELS.date} hint="Today or earlier." width={10} value={form.date} error={errorFor(errors, 'date')} onChange={set('date')} />
          {chosen?.injectionIntervalDays ? (
            <TextInput
              id="intervalDays"
              name="intervalDays"
              inputMode="numeric"
              autoComplete="off"
              label={`${LABELS.intervalDays} (optional)`}
              hint={`Leave empty for the licensed interval of ${chosen.injectionIntervalDays} days. Not shorter than that, at most ${medicineEntry.longestInjectionIntervalDays}.`}
              width={3}
              value={form.intervalDays}
              error={errorFor(errors, 'intervalDays')}
              onChange={set('intervalDays')}
            />
          ) : null}
        </>
      )}
    />
  );
}
