import { system, teamTypes, type OrganisationType } from '@continuity/domain';
import { loadNames, teamPractitionerIds, type Store } from '@continuity/store';

export interface NamedTeam {
  id: string;
  name: string;
}

/** Every team in the system (Organizations with a team type), by name: where a person can be transferred to. */
export async function allTeams(store: Store): Promise<NamedTeam[]> {
  const rows = await store.db.selectFrom('shared_record').select(['id', 'resource']).where('resource_type', '=', 'Organization').execute();
  const isTeam = (r: Record<string, any>) =>
    ((r.type ?? []) as Array<{ coding?: Array<{ system?: string; code?: string }> }>).some((t) => t.coding?.some((c) => c.system === system.organisationType && teamTypes.includes(c.code as OrganisationType)));
  return rows
    .filter((r) => isTeam(r.resource))
    .map((r) => ({ id: r.id, name: (r.resource.name as string | undefined) ?? r.id }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** Practitioners with a role in a team: who the receiving team can name as the person's key worker. */
export async function teamPractitioners(store: Store, teamId: string): Promise<NamedTeam[]> {
  const references = (await teamPractitionerIds(store.db, teamId)).map((id) => `Practitioner/${id}`);
  const names = await loadNames(store.db, references);
  return references.map((r) => ({ id: r.slice('Practitioner/'.length), name: names.get(r) ?? r })).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
