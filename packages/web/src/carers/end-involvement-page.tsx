import { Radios, TextInput } from 'nhsuk-react-components';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { api } from '../api/client.ts';
import { errorFor } from '../forms/form-errors.tsx';
import { carerInvolvementEndings } from '../../../domain/src/carers/carer-codes.ts';
import { londonToday } from '../../../domain/src/engagement/london-calendar.ts';
import { CarerFormPage } from './carer-form-page.tsx';

const LABELS: Record<string, string> = { date: 'Date their involvement ended', reason: 'Why it ended' };
const field = (apiField: string) => (apiField === 'date' || apiField === 'reason' ? { id: apiField, label: LABELS[apiField]! } : undefined);

/**
 * Recording that a carer is no longer involved: the day and the reason. They stay on the record,
 * with their past concerns, marked as no longer involved; they are no longer the main carer.
 */
export function EndInvolvementPage() {
  const { carerId = '' } = useParams();
  const [form, setForm] = useState({ date: londonToday(), reason: '' });
  return (
    <CarerFormPage
      heading="Record that a carer is no longer involved"
      submitLabel="Save"
      fieldOf={field}
      find={({ data, name }) => {
        const carer = data.carers.find((c) => c.id === carerId);
        if (!carer) return new Error(`${name} has no carer with that id.`);
        return carer.active ? undefined : new Error(`${carer.name} is already recorded as no longer involved.`);
      }}
      check={() => (form.reason ? [] : [{ fieldId: 'reason', message: 'Choose why their involvement ended' }])}
      intro={({ data }) => {
        const carer = data.carers.find((c) => c.id === carerId)!;
        return (
          <p className="nhsuk-body">
            {carer.name} ({carer.relationship.label}) stays on the record with the concerns they raised, marked as no longer involved.{carer.mainCarer ? ' They will no longer be the main carer.' : ''}
          </p>
        );
      }}
      send={async ({ personId, data, name }) => {
        const carer = data.carers.find((c) => c.id === carerId)!;
        await api.post(`/api/people/${encodeURIComponent(personId)}/carers/${encodeURIComponent(carerId)}/end`, { version: carer.version, date: form.date.trim(), reason: form.reason });
        return `${carer.name} is recorded as no longer involved in ${name}’s care.`;
      }}
      fields={({ errors }) => (
        <>
          <TextInput id="date" name="date" type="date" label={LABELS.date} hint="Today or earlier." width={10} value={form.date} error={errorFor(errors, 'date')} onChange={(e) => setForm({ ...form, date: e.currentTarget.value })} />
          <Radios name="reason" legend={LABELS.reason} legendProps={{ size: 's' }} error={errorFor(errors, 'reason')}>
            {Object.entries(carerInvolvementEndings).map(([code, label], i) => (
              <Radios.Item key={code} id={i === 0 ? 'reason' : `reason-${code}`} value={code} checked={form.reason === code} onChange={(e) => setForm({ ...form, reason: e.currentTarget.value })}>
                {label}
              </Radios.Item>
            ))}
          </Radios>
        </>
      )}
    />
  );
}
