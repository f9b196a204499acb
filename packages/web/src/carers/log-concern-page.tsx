import { Radios, Select, Textarea, TextInput } from 'nhsuk-react-components';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { newContactId } from '../contacts/contact-id.ts';
import { errorFor } from '../forms/form-errors.tsx';
import { londonTimeNow } from '../format/dates.ts';
import { carerConcernRules, concernChannels } from '../../../domain/src/carers/carer-concern-rules.ts';
import { londonToday } from '../../../domain/src/engagement/london-calendar.ts';
import { CarerFormPage } from './carer-form-page.tsx';
import { ConfidentialityGuidance } from './confidentiality-guidance.tsx';

const LABELS: Record<string, string> = { carerId: 'Who raised it', channel: 'How it reached the team', date: 'Date received', time: 'Time received', words: 'The concern, in their words' };
const field = (apiField: string) => (LABELS[apiField] ? { id: apiField, label: LABELS[apiField]! } : undefined);


/**
 * Logging a concern from a carer or family member, in their own words: a red flag whose response
 * is due within the installation's hours (72 unless set; docs/carers.md). Beside it, what the
 * person agrees to share with that carer and the limits of confidentiality.
 */
export function LogConcernPage() {
  const [concernId] = useState(newContactId);
  const [form, setForm] = useState({ carerId: '', channel: '', date: londonToday(), time: londonTimeNow(), words: '' });
  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value });
  return (
    <CarerFormPage
      heading="Log a concern from a carer"
      submitLabel="Log the concern"
      fieldOf={field}
      check={() => [
        ...(form.carerId ? [] : [{ fieldId: 'carerId', message: 'Choose who raised the concern' }]),
        ...(form.channel ? [] : [{ fieldId: 'channel', message: 'Choose how the concern reached the team' }]),
      ]}
      intro={({ data }) => (
        <>
          <p className="nhsuk-body">A concern from a carer is a red flag: a response is due within {data.responseHours} hours of when it was received. Write it down as they said it.</p>
          <ConfidentialityGuidance carer={data.carers.find((c) => c.id === form.carerId)} />
        </>
      )}
      send={async ({ personId, name }) => {
        await api.post(`/api/people/${encodeURIComponent(personId)}/carer-concerns`, { concernId, carerId: form.carerId, channel: form.channel, date: form.date.trim(), time: form.time.trim(), words: form.words });
        return `Concern about ${name} logged: it is on the carers’ concerns list until the response is recorded.`;
      }}
      fields={({ data, errors }) => (
        <>
          <Select id="carerId" name="carerId" label={LABELS.carerId} value={form.carerId} error={errorFor(errors, 'carerId')} onChange={set('carerId')}>
            <Select.Option value="">Choose</Select.Option>
            {data.carers.map((c) => (
              <Select.Option key={c.id} value={c.id}>
                {`${c.name} (${c.relationship.label})`}
              </Select.Option>
            ))}
          </Select>
          <Radios name="channel" legend={LABELS.channel} legendProps={{ size: 's' }} error={errorFor(errors, 'channel')}>
            {Object.entries(concernChannels).map(([code, channel], i) => (
              <Radios.Item key={code} id={i === 0 ? 'channel' : `channel-${code}`} value={code} checked={form.channel === code} onChange={set('channel')}>
                {channel.label}
              </Radios.Item>
            ))}
          </Radios>
          <TextInput id="date" name="date" type="date" label={LABELS.date} hint="Today or earlier." width={10} value={form.date} error={errorFor(errors, 'date')} onChange={set('date')} />
          <TextInput id="time" name="time" label={LABELS.time} hint="As HH:MM, for example 14:30. The response is due from this time." width={5} value={form.time} error={errorFor(errors, 'time')} onChange={set('time')} />
          <Textarea id="words" name="words" label={LABELS.words} hint={`Kept exactly as written here. At most ${carerConcernRules.wordsMaxLength} characters.`} rows={6} value={form.words} error={errorFor(errors, 'words')} onChange={set('words')} />
        </>
      )}
    />
  );
}
