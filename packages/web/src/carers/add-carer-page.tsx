import { Radios, Select, TextInput } from 'nhsuk-react-components';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { newContactId } from '../contacts/contact-id.ts';
import { errorFor, type FormError } from '../forms/form-errors.tsx';
import { carerInvolvements, carerRelationships, informationSharingLevels } from '../../../domain/src/carers/carer-codes.ts';
import { CarerFormPage } from './carer-form-page.tsx';
import { noLongerMainSays } from './main-carer-page.tsx';

const LABELS: Record<string, string> = {
  relationship: 'Relationship to the person',
  givenName: 'First name',
  familyName: 'Last name',
  phone: 'Phone number',
  involvement: 'Involvement in care',
  sharing: 'What the person agrees to share with them',
  mainCarer: 'Main carer',
};
const field = (apiField: string) => (LABELS[apiField] ? { id: apiField, label: LABELS[apiField]! } : undefined);

/** Adding a carer or family member, with what the person agrees may be shared with them (RelatedPerson, docs/fhir.md). */
export function AddCarerPage() {
  const [carerId] = useState(newContactId);
  const [form, setForm] = useState({ relationship: '', givenName: '', familyName: '', phone: '', involvement: '', sharing: '', mainCarer: '' });
  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value });
  const choices = (key: 'involvement' | 'sharing' | 'mainCarer', codes: Record<string, string>, errors: FormError[]) => (
    <Radios name={key} legend={LABELS[key]} legendProps={{ size: 's' }} error={errorFor(errors, key)}>
      {Object.entries(codes).map(([code, label], i) => (
        <Radios.Item key={code} id={i === 0 ? key : `${key}-${code}`} value={code} checked={form[key] === code} onChange={set(key)}>
          {label}
        </Radios.Item>
      ))}
    </Radios>
  );

  return (
    <CarerFormPage
      heading="Add a carer or family member"
      submitLabel="Add them"
      fieldOf={field}
      check={() =>
        (['relationship', 'involvement', 'sharing', 'mainCarer'] as const).filter((k) => !form[k]).map((k) => ({ fieldId: k, message: `Choose the ${LABELS[k]!.toLowerCase()}` }))
      }
      send={async ({ personId, name, data }) => {
        const added = await api.post<{ noLongerMainCarer: string[] }>(`/api/people/${encodeURIComponent(personId)}/carers`, {
          carerId, relationship: form.relationship, givenName: form.givenName.trim() || null, familyName: form.familyName, phone: form.phone.trim() || null, involvement: form.involvement, sharing: form.sharing, mainCarer: form.mainCarer === 'yes',
        });
        const who = [form.givenName.trim(), form.familyName.trim()].filter(Boolean).join(' ');
        return `${who} added as ${name}’s ${carerRelationships[form.relationship as keyof typeof carerRelationships].toLowerCase()}.${noLongerMainSays(added.noLongerMainCarer, data.carers)}`;
      }}
      intro={() => <p className="nhsuk-body">Ask the person what they agree may be shared with this carer. Whatever they say, the team always listens to a carer’s concerns.</p>}
      fields={({ errors }) => (
        <>
          <Select id="relationship" name="relationship" label={LABELS.relationship} value={form.relationship} error={errorFor(errors, 'relationship')} onChange={set('relationship')}>
            <Select.Option value="">Choose</Select.Option>
            {Object.entries(carerRelationships).map(([code, label]) => (
              <Select.Option key={code} value={code}>
                {label}
              </Select.Option>
            ))}
          </Select>
          <TextInput id="givenName" name="givenName" label={`${LABELS.givenName} (optional)`} hint="Leave blank if you know them only by their last name." autoComplete="off" value={form.givenName} error={errorFor(errors, 'givenName')} onChange={set('givenName')} />
          <TextInput id="familyName" name="familyName" label={LABELS.familyName} autoComplete="off" value={form.familyName} error={errorFor(errors, 'familyName')} onChange={set('familyName')} />
          <TextInput id="phone" name="phone" type="tel" label={`${LABELS.phone} (optional)`} autoComplete="off" width={20} value={form.phone} error={errorFor(errors, 'phone')} onChange={set('phone')} />
          {choices('involvement', carerInvolvements, errors)}
          {choices('sharing', informationSharingLevels, errors)}
          {choices('mainCarer', { yes: 'Yes, they are the main carer', no: 'No' }, errors)}
        </>
      )}
    />
  );
}

