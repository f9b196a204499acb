import { Radios } from 'nhsuk-react-components';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { api } from '../api/client.ts';
import { errorFor } from '../forms/form-errors.tsx';
import { informationSharingLevels } from '../../../domain/src/carers/carer-codes.ts';
import { CarerFormPage } from './carer-form-page.tsx';

const LABEL = 'What the person agrees to share';
const field = (apiField: string) => (apiField === 'sharing' ? { id: 'sharing', label: LABEL } : undefined);

/**
 * Changing what the person agrees to share with a carer: a new version of the carer's record. A
 * change someone else made since this page opened is refused (409) and shown, not overwritten.
 */
export function SharingPage() {
  const { carerId = '' } = useParams();
  const [sharing, setSharing] = useState('');
  return (
    <CarerFormPage
      heading="Change what the person agrees to share with a carer"
      submitLabel="Save"
      fieldOf={field}
      find={({ data, name }) => (data.carers.some((c) => c.id === carerId) ? undefined : new Error(`${name} has no carer with that id.`))}
      intro={({ data }) => {
        const carer = data.carers.find((c) => c.id === carerId)!;
        return (
          <p className="nhsuk-body">
            {carer.name} ({carer.relationship.label}). Recorded now: {carer.sharing ? informationSharingLevels[carer.sharing] : 'not recorded'}. Whatever the person agrees, the team always listens to {carer.name}’s concerns.
          </p>
        );
      }}
      send={async ({ personId, data, name }) => {
        const carer = data.carers.find((c) => c.id === carerId)!;
        // Nothing chosen keeps what is recorded; nothing recorded and nothing chosen is the API's refusal to show.
        const chosen = sharing || carer.sharing || '';
        await api.post(`/api/people/${encodeURIComponent(personId)}/carers/${encodeURIComponent(carerId)}/sharing`, { version: carer.version, sharing: chosen });
        return `What ${name} agrees to share with ${carer.name} is now: ${informationSharingLevels[chosen as keyof typeof informationSharingLevels].split(':')[0]}.`;
      }}
      fields={({ data, errors }) => {
        const current = data.carers.find((c) => c.id === carerId)!.sharing;
        return (
          <Radios name="sharing" legend={LABEL} legendProps={{ size: 's' }} error={errorFor(errors, 'sharing')}>
            {Object.entries(informationSharingLevels).map(([code, label], i) => (
              <Radios.Item key={code} id={i === 0 ? 'sharing' : `sharing-${code}`} value={code} checked={(sharing || current) === code} onChange={(e) => setSharing(e.currentTarget.value)}>
                {label}
              </Radios.Item>
            ))}
          </Radios>
        );
      }}
    />
  );
}
