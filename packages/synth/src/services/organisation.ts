import { staffRoles, system } from '@continuity/domain';
import { concept, ref } from '../fhir.ts';
import { britishFaker, nameFor } from '../people/names.ts';
import { Random } from '../random/random.ts';
import { ICB_NAME, TRUST_NAME, placeFor } from '../places/geography.ts';
import type { Resource } from '../writer/ndjson-writer.ts';
import { localities, OPEN_SHARE, teamPlan, teamTypesInOrder, type TeamType } from './team-plan.ts';

export type StaffRole = keyof typeof staffRoles;

export interface StaffMember {
  id: string;
  role: StaffRole;
  name: string;
}

export interface Team {
  id: string;
  type: TeamType;
  name: string;
  keyWorkers: StaffMember[];
  psychiatrists: StaffMember[];
  prescribers: StaffMember[];
  supportWorkers: StaffMember[];
  manager: StaffMember;
}

export interface GpPractice {
  id: string;
  name: string;
  ods: string;
}

/** The services a population is cared for by: trust, teams and their staff, GP practices, partners. */
export interface Services {
  teams: Team[];
  teamsByType: Record<TeamType, Team[]>;
  gpPractices: GpPractice[];
  pharmacist: StaffMember;
  partners: { police: string; vcse: string; housing: string; localAuthority: string; acuteHospital: string };
  /** Every shared resource, in an order where each points only at earlier ones. */
  resources: Resource[];
}

/** NHS staff come from many backgrounds (NHS Workforce Race Equality Standard: about a quarter from ethnic minorities). */
const staffHeritage = { A: 68, C: 6, H: 9, J: 2, N: 8, M: 3, R: 1, S: 3 } as const;

const orgType = (code: string, display: string) => [concept(system.organisationType, code, display)];

/** GP practices: about one per hundred people on the caseload list, at least three. */
export const gpPracticeCount = (people: number) => Math.max(3, Math.round(people / 100));

export function teamCount(type: TeamType, people: number): number {
  const plan = teamPlan[type];
  return Math.max(plan.minTeams, Math.round((people * plan.share) / plan.peoplePerTeam));
}

/**
 * Builds the services for a population of `people`. Depends on (seed, people) only; team and
 * staff counts grow with the population so caseloads stay realistic at any size.
 */
export function buildServices(seed: number, people: number): Services {
  const rnd = new Random(seed, 0, 'services');
  const faker = britishFaker();
  faker.seed(rnd.seed32());
  const resources: Resource[] = [];
  let staffNumber = 0;

  resources.push({
    resourceType: 'Organization', id: 'icb', active: true, type: orgType('icb', 'Integrated care board'), name: ICB_NAME,
  });
  resources.push({
    resourceType: 'Organization', id: 'trust', active: true,
    identifier: [{ system: system.odsOrganisation, value: 'ZZT01' }],
    type: orgType('trust', 'Mental health trust'), name: TRUST_NAME,
  });
  const partner = (id: string, code: string, display: string, name: string) =>
    resources.push({ resourceType: 'Organization', id, active: true, type: orgType(code, display), name });
  partner('police', 'police', 'Police', 'Severnside Police (synthetic)');
  partner('vcse-mind', 'vcse', 'Voluntary, community or social enterprise organisation', 'Severnside Mind (synthetic)');
  partner('housing', 'housing', 'Housing provider', 'Severnside Homes (synthetic)');
  partner('local-authority', 'local-authority', 'Local authority', 'Severnside Council Adult Social Care (synthetic)');
  resources.push({ resourceType: 'Organization', id: 'acute-hospital', active: true, name: 'Severnside General Hospital (synthetic)' });

  const practitioners: Resource[] = [];
  const roles: Resource[] = [];
  const hire = (role: StaffRole, organisation: string): StaffMember => {
    staffNumber += 1;
    const id = `staff-${String(staffNumber).padStart(5, '0')}`;
    const sex = rnd.chance(0.7) ? 'female' : 'male';
    const { given, family } = nameFor(faker, sex, rnd.weighted(staffHeritage));
    const doctor = role === 'psychiatrist';
    practitioners.push({
      resourceType: 'Practitioner', id, active: true,
      name: [{ family, given: [given], ...(doctor ? { prefix: ['Dr'] } : {}) }],
      gender: sex,
    });
    roles.push({
      resourceType: 'PractitionerRole', id: `${id}-role`, active: true,
      practitioner: ref('Practitioner', id), organization: ref('Organization', organisation),
      code: [concept(system.staffRole, role, staffRoleLabel[role])],
    });
    return { id, role, name: `${doctor ? 'Dr ' : ''}${given} ${family}` };
  };

  const teams: Team[] = [];
  const teamsByType = {} as Record<TeamType, Team[]>;
  for (const type of teamTypesInOrder) {
    const plan = teamPlan[type];
    const count = teamCount(type, people);
    teamsByType[type] = [];
    for (let t = 0; t < count; t++) {
      const id = `team-${type}-${t + 1}`;
      const locality = count === 1 ? 'Severnside' : `${localities[t % localities.length]}${t >= localities.length ? ` ${Math.floor(t / localities.length) + 1}` : ''}`;
      const name = `${locality} ${plan.label}`;
      resources.push({
        resourceType: 'Organization', id, active: true, type: orgType(type, plan.label), name, partOf: ref('Organization', 'trust'),
      });
      const expectedOpen = (people * plan.share * OPEN_SHARE) / count;
      const keyWorkerCount = Math.max(2, Math.ceil(expectedOpen / plan.caseload));
      const team: Team = {
        id, type, name,
        manager: hire('team-manager', id),
        keyWorkers: Array.from({ length: keyWorkerCount }, () => hire('care-coordinator', id)),
        psychiatrists: Array.from({ length: Math.max(1, Math.ceil(keyWorkerCount / 8)) }, () => hire('psychiatrist', id)),
        prescribers: Array.from({ length: Math.max(1, Math.ceil(keyWorkerCount / 10)) }, () => hire('nurse-prescriber', id)),
        supportWorkers: Array.from({ length: Math.max(1, Math.ceil(keyWorkerCount / 3)) }, () => hire('support-worker', id)),
      };
      if (type === 'cmht' || type === 'eip') hire('psychologist', id);
      teams.push(team);
      teamsByType[type].push(team);
    }
  }
  const pharmacist = hire('pharmacist', 'trust');

  const gpPractices: GpPractice[] = [];
  const gpCount = gpPracticeCount(people);
  for (let g = 0; g < gpCount; g++) {
    const id = `gp-${String(g + 1).padStart(4, '0')}`;
    const place = placeFor(rnd);
    const style = rnd.pick(['Surgery', 'Medical Centre', 'Health Centre', 'Medical Practice', 'Family Practice']);
    const name = `${faker.location.street()} ${style}`;
    // ODS practice codes are a letter and five digits; this synthetic range stands in for real ones.
    const ods = g < 10_000 ? `Y${90_000 + g}` : `Z${String(g % 100_000).padStart(5, '0')}`;
    gpPractices.push({ id, name, ods });
    resources.push({
      resourceType: 'Organization', id, active: true,
      identifier: [{ system: system.odsOrganisation, value: ods }],
      type: orgType('gp-practice', 'GP practice'), name,
      address: [{ city: place.town, postalCode: place.postcode, country: 'GB' }],
      partOf: ref('Organization', 'icb'),
    });
  }

  resources.push(...practitioners, ...roles);
  return {
    teams, teamsByType, gpPractices, pharmacist, resources,
    partners: { police: 'police', vcse: 'vcse-mind', housing: 'housing', localAuthority: 'local-authority', acuteHospital: 'acute-hospital' },
  };
}

/** Staff roles in words: the domain's list, so generated data says what the product shows. */
export const staffRoleLabel: Record<StaffRole, string> = staffRoles;
