import { system } from '@continuity/domain';
import type { Store } from '@continuity/store';
import { scenario } from '../../../store/test/support/scenario.ts';

/** A police force and a VCSE service, partners of the trust. */
export const partnerOrganisations = [
  { resourceType: 'Organization', id: 'police-1', name: 'Northshire Police', type: [{ coding: [{ system: system.organisationType, code: 'police' }] }] },
  { resourceType: 'Organization', id: 'vcse-1', name: 'Harbour Peer Support', type: [{ coding: [{ system: system.organisationType, code: 'vcse' }] }] },
];

/**
 * The foundation scenario with two partner organisations (a police force and a VCSE service) and,
 * for Ada, a booked appointment to come: what the partners-and-sharing tests share or keep back.
 */
export function partnersScenario(): Record<string, Array<Record<string, unknown>>> {
  const resources = scenario();
  resources.Organization!.push(...partnerOrganisations);
  resources.Appointment!.push({ resourceType: 'Appointment', id: 'ada-appt-next', status: 'booked', start: '2099-01-05T10:00:00Z', end: '2099-01-05T11:00:00Z', participant: [{ actor: { reference: 'Patient/ada' }, status: 'accepted' }] });
  return resources;
}

/** Partner accounts, signing in with the demo password: `police` (Northshire Police) and `vcse` (Harbour Peer Support). */
export async function addPartnerAccounts(store: Store): Promise<void> {
  const { password_hash } = await store.db.selectFrom('app_user').select('password_hash').where('username', '=', 'partner').executeTakeFirstOrThrow();
  await store.db.insertInto('app_user').values([
    { id: 'demo-police', username: 'police', display_name: 'Northshire Police liaison', role: 'partner-agency', organisation_id: 'police-1', password_hash },
    { id: 'demo-vcse', username: 'vcse', display_name: 'Harbour Peer Support worker', role: 'partner-agency', organisation_id: 'vcse-1', password_hash },
  ]).execute();
}
