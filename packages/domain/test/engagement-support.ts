import type { AppointmentFact, EncounterFact, EngagementFacts } from '../src/index.ts';

/** One person held by a core team since 1 January 2026, with nothing else recorded. */
export function person(overrides: Partial<EngagementFacts> = {}): EngagementFacts {
  return {
    personId: 'p1',
    episodes: [{ id: 'e1', status: 'active', start: '2026-01-01', intensity: 'standard', teamId: 'team-a' }],
    carePlans: [],
    appointments: [],
    encounters: [],
    medicationRequests: [],
    medicationStatements: [],
    administrations: [],
    ...overrides,
  };
}

export const contact = (id: string, start: string, more: Partial<EncounterFact> = {}): EncounterFact => ({ id, status: 'finished', start, inpatient: false, appointmentIds: [], ...more });
export const appointment = (id: string, status: string, start: string): AppointmentFact => ({ id, status, start });
