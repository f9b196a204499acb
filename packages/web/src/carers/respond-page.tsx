import { Radios, Textarea, TextInput } from 'nhsuk-react-components';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { api } from '../api/client.ts';
import { newContactId } from '../contacts/contact-id.ts';
import { londonTimeNow } from '../format/dates.ts';
import { errorFor } from '../forms/form-errors.tsx';
import { carerConcernRules, concernOutcomes } from '../../../domain/src/carers/carer-concern-rules.ts';
import { londonToday } from '../../../domain/src/engagement/london-calendar.ts';
import { CarerFormPage } from './carer-form-page.tsx';
import { ConcernSummary, TheirWords } from './carers-section.tsx';
import { ConfidentialityGuidance } from './confidentiality-guidance.tsx';

const LABELS: Record<string, string> = { outcome: 'Outcome', words: 'What was said to the carer', date: 'Date of the response', time: 'Time of the response' };
const field = (apiField: string) => (LABELS[apiField] ? { id: apiField, label: LABELS[apiField]! } : undefined);


/**
 * Recording the response to a carer's concern and its outcome. The concern is shown in the carer's
 * words, with when the response is due, what the person agrees to share with that carer, and the
 * limits of confidentiality; the response takes it off the carers' concerns list.
 */
export function RespondPage() {
  const { concernId = '' } = useParams();
  const [responseId] = useState(newContactId);
  const [form, setForm] = useState({ outcome: '', words: '', date: londonToday(), time: londonTimeNow() });
  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value });
  return (
    <CarerFormPage
      heading="Record the response to a carer’s concern"
      submitLabel="Record the response"
      fieldOf={field}
      find={({ data, name }) => (data.concerns.some((c) => c.id === concernId) ? undefined : new Error(`${name} has no concern from a carer with that id.`))}
      check={() => (form.outcome ? [] : [{ fieldId: 'outcome', message: 'Choose the outcome' }])}
      intro={({ data }) => {
        const concern = data.concerns.find((c) => c.id === concernId)!;
        return (
          <>
            <ConcernSummary concern={concern} carers={data.carers} />
            <TheirWords words={concern.words} />
            <ConfidentialityGuidance carer={data.carers.find((c) => c.id === concern.carerId)} />
          </>
        );
      }}
      send={async ({ personId }) => {
        await api.post(`/api/people/${encodeURIComponent(personId)}/carer-concerns/${encodeURIComponent(concernId)}/responses`, { responseId, outcome: form.outcome, words: form.words, date: form.date.trim(), time: form.time.trim() });
        return `Response recorded: ${concernOutcomes[form.outcome as keyof typeof concernOutcomes]}.`;
      }}
      fields={({ errors }) => (
        <>
          <Radios name="outcome" legend={LABELS.outcome} legendProps={{ size: 's' }} error={errorFor(errors, 'outcome')}>
            {Object.entries(concernOutcomes).map(([code, label], i) => (
              <Radios.Item key={code} id={i === 0 ? 'outcome' : `outcome-${code}`} value={code} checked={form.outcome === code} onChange={set('outcome')}>
                {label}
              </Radios.Item>
            ))}
          </Radios>
          <Textarea id="words" name="words" label={LABELS.words} hint={`What you told the carer, within what the person agrees to share. At most ${carerConcernRules.wordsMaxLength} characters.`} rows={5} value={form.words} error={errorFor(errors, 'words')} onChange={set('words')} />
          <TextInput id="date" name="date" type="date" label={LABELS.date} hint="Today or earlier." width={10} value={form.date} error={errorFor(errors, 'date')} onChange={set('date')} />
          <TextInput id="time" name="time" label={LABELS.time} hint="As HH:MM, for example 14:30." width={5} value={form.time} error={errorFor(errors, 'time')} onChange={set('time')} />
        </>
      )}
    />
  );
}
