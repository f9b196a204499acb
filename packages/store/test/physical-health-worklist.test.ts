import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPath, judgeMonitoringOnDays, monitoringListedOnDays, monitoringOverdueWorklist, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { PH_AS_OF, PH_NHS, physicalHealthScenario } from './support/physical-health-scenario.ts';
import { writeNdjson } from './support/scenario.ts';

const none = (part: string) => `${part} (none on record)`;
const lastYear = (part: string) => `${part} (last on 12 Mar 2025)`;

/** The list as of 30 June 2026, exactly: most reasons first, then longest overdue. */
const expectedItems = [
  {
    patient: { id: 'gus', nhsNumber: PH_NHS.gus },
    reasons: [
      {
        code: 'antipsychotic-monitoring-overdue',
        text: 'On Olanzapine since 5 Jan. Lipids 176 days overdue (due 5 Jan, before starting; none on record). Prolactin 176 days overdue (due 5 Jan, before starting; none on record).',
        evidence: ['MedicationRequest/gus-olanzapine'],
      },
      {
        code: 'physical-health-check-overdue',
        text: `Psychosis on record. Annual physical health check incomplete: ${none('lipids')}, ${none('smoking status')} and ${none('alcohol use')} not done in the last 12 months. No complete check recorded.`,
        // The weight stands for BMI: a height was taken in 2020.
        evidence: ['Condition/gus-dx', 'Observation/gus-weight', 'Observation/gus-bp', 'Observation/gus-glucose'],
      },
    ],
  },
  {
    patient: { id: 'bea', nhsNumber: PH_NHS.bea },
    reasons: [
      {
        code: 'physical-health-check-overdue',
        text:
          `Bipolar disorder on record. Annual physical health check incomplete: ${lastYear('glucose or HbA1c')}, ${lastYear('lipids')}, ${lastYear('smoking status')} and ${lastYear('alcohol use')} not done in the last 12 months. ` +
          'Check last complete on 1 Feb (every part done in the year to then). Invited on 1 May (60 days ago) and not responded: follow up.',
        evidence: [
          'Condition/bea-dx', 'Observation/bea-bmi-2026', 'Observation/bea-bp-2026', 'Observation/bea-hba1c-2025-03-12', 'Observation/bea-chol-2025-03-12',
          'Observation/bea-smoking-2025-03-12', 'Observation/bea-audit-2025-03-12', 'Communication/bea-invite',
        ],
      },
    ],
  },
  {
    patient: { id: 'tom', nhsNumber: PH_NHS.tom },
    reasons: [
      {
        code: 'physical-health-check-overdue',
        text: `Psychosis on record. Annual physical health check incomplete: ${['BMI', 'blood pressure', 'glucose or HbA1c', 'lipids', 'smoking status'].map(none).join(', ')} and ${none('alcohol use')} not done in the last 12 months. No complete check recorded. Invited on 20 Jun (10 days ago).`,
        evidence: ['Condition/tom-dx', 'Communication/tom-invite'],
      },
    ],
  },
];

describe.each(storeKinds)('physical health checks on the monitoring-overdue worklist on $name', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await kind.open();
    const report = await importPath(store, writeNdjson(physicalHealthScenario()));
    expect(report.errors).toEqual([]);
  });
  afterAll(async () => {
    await store.close();
  });

  it('lists exactly the people on the SMI register whose check is incomplete, with reasons and evidence', async () => {
    const { list, people, evaluated } = await monitoringOverdueWorklist(store.db, { asOf: PH_AS_OF });
    expect(list).toEqual({ worklist: 'monitoring-overdue', asOf: PH_AS_OF, items: expectedItems });
    expect(people.get('tom')).toEqual({ name: 'Tom Tate', teamIds: ['team-south'] });
    // Sam, Bea, Tom and Gus: not Ivy (refuted), Max (discharged) or Dan (no SMI diagnosis).
    expect(evaluated).toBe(4);
  });

  it('gives the same list when people are read in slices of a few', async () => {
    for (const sliceSize of [1, 2, 3]) {
      const { list } = await monitoringOverdueWorklist(store.db, { asOf: PH_AS_OF, sliceSize });
      expect(list.items, `slices of ${sliceSize}`).toEqual(expectedItems);
    }
  });

  it('lists one team\'s people', async () => {
    const south = await monitoringOverdueWorklist(store.db, { asOf: PH_AS_OF, team: 'team-south' });
    expect(south.list.items.map((i) => i.patient.id)).toEqual(['tom']);
    const north = await monitoringOverdueWorklist(store.db, { asOf: PH_AS_OF, teams: ['team-north'] });
    expect(north.list.items.map((i) => i.patient.id)).toEqual(['gus', 'bea']);
  });

  it('finds who is evaluated and listed on each day, and where each check stands, exactly as the judgement in words does (the board trend)', async () => {
    const days = ['2026-07-02', '2026-02-01', PH_AS_OF, '2025-06-30', '2024-07-01'];
    const stood = new Set<string>();
    for (const scope of [{}, { sliceSize: 2 }, { team: 'team-south' }, { teams: ['team-north'] }]) {
      const checks: string[][] = days.map(() => []);
      const judged = await judgeMonitoringOnDays(store.db, { days, ...scope, eachCheck: (i, check) => checks[i]!.push(`${check.personId} ${check.eligible!.teamIds} ${check.completion} ${Boolean(check.reason)}`) });
      const standings: string[][] = days.map(() => []);
      const listed = await monitoringListedOnDays(store.db, {
        days,
        ...scope,
        eachStanding: (i, personId, s) => {
          standings[i]!.push(`${personId} ${s.teamIds} ${s.completion} ${s.overdue}`);
          stood.add(s.completion);
        },
      });
      for (const [i, day] of days.entries()) {
        const withReasons = new Set(judged[i]!.findings.map((f) => f.personId));
        const expected = judged[i]!.evaluatedPeople.map((p) => ({ ...p, listed: withReasons.has(p.personId) }));
        expect(listed[i], `${day} ${JSON.stringify(scope)}`).toEqual(expected);
        expect(standings[i], `${day} ${JSON.stringify(scope)}`).toEqual(checks[i]);
      }
    }
    // Worth comparing: checks complete, part done and not done, and people listed and not.
    expect([...stood].sort()).toEqual(['complete', 'none', 'partial']);
    const all = (await monitoringListedOnDays(store.db, { days })).flat();
    expect(all.some((p) => p.listed) && all.some((p) => !p.listed)).toBe(true);
  });

  it('as of another day, judges the records as they stood', async () => {
    // 1 Feb 2026: Bea's check was complete that day; Max was still held, his check of 1 Jun 2024 lapsed after 1 Jun 2025; Tom not yet taken on.
    const february = await monitoringOverdueWorklist(store.db, { asOf: '2026-02-01' });
    expect(february.list.items.map((i) => [i.patient.id, i.reasons.map((r) => r.code)])).toEqual([
      ['gus', ['antipsychotic-monitoring-overdue', 'physical-health-check-overdue']],
      ['max', ['physical-health-check-overdue']],
    ]);
    expect(february.list.items[1]!.reasons[0]!.text).toContain('Check last complete on 1 Jun 2024 (every part done in the year to then).');
  });
});
