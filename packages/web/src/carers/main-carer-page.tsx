import { useParams } from 'react-router-dom';
import { api } from '../api/client.ts';
import { CarerFormPage } from './carer-form-page.tsx';
import type { PersonCarer } from './carer-types.ts';

/** " Mary Adams is no longer recorded as main carer." for each carer the mark moved from. */
export function noLongerMainSays(ids: readonly string[], carers: readonly PersonCarer[]): string {
  return ids.map((id) => ` ${carers.find((c) => c.id === id)?.name ?? 'The previous main carer'} is no longer recorded as main carer.`).join('');
}

/**
 * Making a carer the main carer, the one staff ring first. A person has one: the mark moves from
 * whoever held it in the same change, and the page says whom it moves from before it is made.
 */
export function MainCarerPage() {
  const { carerId = '' } = useParams();
  return (
    <CarerFormPage
      heading="Make a carer the main carer"
      submitLabel="Make them the main carer"
      fieldOf={() => undefined}
      find={({ data, name }) => {
        const carer = data.carers.find((c) => c.id === carerId);
        if (!carer) return new Error(`${name} has no carer with that id.`);
        return carer.active ? undefined : new Error(`${carer.name} is no longer involved in ${name}’s care, so cannot be the main carer.`);
      }}
      intro={({ data, name }) => {
        const carer = data.carers.find((c) => c.id === carerId)!;
        const current = data.carers.find((c) => c.mainCarer && c.id !== carerId);
        return (
          <p className="nhsuk-body">
            {carer.name} ({carer.relationship.label}) will be recorded as {name}’s main carer.{' '}
            {current ? `${current.name} (${current.relationship.label}) will no longer be the main carer, and stays recorded as a carer.` : 'Nobody is recorded as main carer now.'}
          </p>
        );
      }}
      send={async ({ personId, data, name }) => {
        const carer = data.carers.find((c) => c.id === carerId)!;
        const made = await api.post<{ noLongerMainCarer: string[] }>(`/api/people/${encodeURIComponent(personId)}/carers/${encodeURIComponent(carerId)}/main-carer`, { version: carer.version });
        return `${carer.name} is now ${name}’s main carer.${noLongerMainSays(made.noLongerMainCarer, data.carers)}`;
      }}
      fields={() => null}
    />
  );
}
