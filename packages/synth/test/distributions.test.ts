import { rmSync } from 'node:fs';
import { evaluatePhysicalHealth, evaluateSharedCare, extension, intramuscularRoute, medicineCodes, physicalHealthRules, readAgreement, system } from '@continuity/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, codeIn, generate, patientOf, readAll, type R } from './support/population.ts';

const PEOPLE = 3000;
let dir = '';
let all = new Map<string, R[]>();
const days = (a: string, b: string) => (Date.parse(b.slice(0, 10)) - Date.parse(a.slice(0, 10))) / 86_400_000;
const byPatient = (list: R[]) => {
  const map = new Map<string, R[]>();
  for (const r of list) {
    const p = patientOf(r)!;
    if (!map.has(p)) map.set(p, []);
    map.get(p)!.push(r);
  }
  return map;
};

beforeAll(async () => {
  ({ dir } = await generate(PEOPLE, 11));
  all = readAll(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe(`a population of ${PEOPLE} people`, () => {
  it('mostly has sexual orientation unrecorded (recorded for ~11%), and some ethnicity not stated or not known', () => {
    const patients = all.get('Patient')!;
    const recorded = patients.filter((p) => (p.extension as R[]).some((e) => e.url === extension.sexualOrientation)).length / PEOPLE;
    expect(recorded).toBeGreaterThan(0.07);
    expect(recorded).toBeLessThan(0.16);
    const ethnic = patients.map((p) => (p.extension as R[]).find((e) => e.url === extension.ethnicCategory)?.valueCodeableConcept.coding[0].code);
    const missing = ethnic.filter((c) => c === 'Z' || c === '99').length / PEOPLE;
    expect(missing).toBeGreaterThan(0.04);
    expect(missing).toBeLessThan(0.16);
    expect(new Set(ethnic).size).toBeGreaterThanOrEqual(15);
  });

  it('has most first contacts more than four weeks after referral, with a long tail', () => {
    const referrals = new Map(all.get('ServiceRequest')!.map((s) => [s.id, s]));
    const waits = all.get('Appointment')!
      .filter((a) => a.basedOn && a.status === 'fulfilled')
      .map((a) => days(referrals.get(a.basedOn[0].reference.split('/')[1])!.authoredOn, a.start));
    expect(waits.length).toBeGreaterThan(PEOPLE * 0.6);
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(0);
    const over28 = waits.filter((w) => w > 28).length / waits.length;
    expect(over28).toBeGreaterThan(0.55);
    expect(over28).toBeLessThan(0.95);
    expect(waits.filter((w) => w > 365).length).toBeGreaterThan(waits.length * 0.03);
  });

  it('puts Black people on Community Treatment Orders several times as often as White people', () => {
    const ethnicity = new Map(all.get('Patient')!.map((p) => [
      `Patient/${p.id}`, (p.extension as R[]).find((e) => e.url === extension.ethnicCategory)!.valueCodeableConcept.coding[0].code as string,
    ]));
    const onCto = new Set(all.get('Flag')!.filter((f) => codeIn(f.code, system.mhaLegalStatus) === 'cto').map((f) => f.subject.reference));
    const rate = (codes: string[]) => {
      const group = [...ethnicity].filter(([, c]) => codes.includes(c)).map(([p]) => p);
      return group.filter((p) => onCto.has(p)).length / group.length;
    };
    const black = rate(['M', 'N', 'P']);
    const white = rate(['A', 'B', 'C']);
    expect(white).toBeGreaterThan(0);
    expect(black / white).toBeGreaterThan(3);
  });

  it('has people disengaging: last two appointments missed, last attended contact months ago', () => {
    const appointments = byPatient(all.get('Appointment')!);
    let consecutive = 0;
    let longAgo = 0;
    for (const list of appointments.values()) {
      const past = list.filter((a) => a.status !== 'booked').sort((a, b) => a.start.localeCompare(b.start));
      const lastTwo = past.slice(-2);
      if (lastTwo.length === 2 && lastTwo.every((a) => a.status === 'noshow')) {
        consecutive += 1;
        const attended = past.filter((a) => a.status === 'fulfilled').at(-1);
        if (attended && days(attended.start, AS_OF) > 60) longAgo += 1;
      }
    }
    expect(consecutive).toBeGreaterThan(PEOPLE * 0.02);
    expect(consecutive).toBeLessThan(PEOPLE * 0.2);
    expect(longAgo / consecutive).toBeGreaterThan(0.7);
    const cancelled = all.get('Appointment')!.filter((a) => a.status === 'cancelled');
    const byService = cancelled.filter((a) => codeIn(a.cancelationReason, system.appointmentCancellationReason) === 'prov').length;
    expect(byService).toBeGreaterThan(0);
    expect(byService).toBeLessThan(cancelled.length);
  });

  it('has some long-acting injections overdue by more than seven days, but not most', () => {
    const intervals = new Map(medicineCodes.filter((m) => m.injectionIntervalDays).map((m) => [m.display, m.injectionIntervalDays!]));
    const lai = all.get('MedicationRequest')!.filter((m) => m.dosageInstruction?.[0]?.route?.coding?.[0]?.code === intramuscularRoute.code);
    expect(lai.length).toBeGreaterThan(20);
    const given = new Map<string, string[]>();
    for (const a of all.get('MedicationAdministration')!) {
      if (a.status !== 'completed') continue;
      const key = a.request.reference;
      given.set(key, [...(given.get(key) ?? []), a.effectiveDateTime]);
    }
    let overdue = 0;
    for (const m of lai) {
      const last = (given.get(`MedicationRequest/${m.id}`) ?? []).sort().at(-1);
      const interval = intervals.get(m.medicationCodeableConcept.text)!;
      if (!last || days(last, AS_OF) > interval + 7) overdue += 1;
    }
    expect(overdue).toBeGreaterThan(0);
    expect(overdue / lai.length).toBeLessThan(0.5);
  });

  it('gives core CMHT key workers caseloads of about 25-35 and has about one GP practice per 100 people', () => {
    const cmhtTeams = new Set(all.get('Organization')!.filter((o) => codeIn(o.type, system.organisationType) === 'cmht').map((o) => `Organization/${o.id}`));
    expect(cmhtTeams.size).toBeGreaterThanOrEqual(3);
    const caseloads = new Map<string, number>();
    for (const e of all.get('EpisodeOfCare')!) {
      if (e.status !== 'active' || !cmhtTeams.has(e.managingOrganization.reference)) continue;
      caseloads.set(e.careManager.reference, (caseloads.get(e.careManager.reference) ?? 0) + 1);
    }
    const sizes = [...caseloads.values()].sort((a, b) => a - b);
    const median = sizes[Math.floor(sizes.length / 2)]!;
    expect(median).toBeGreaterThanOrEqual(22);
    expect(median).toBeLessThanOrEqual(38);
    const practices = all.get('Organization')!.filter((o) => codeIn(o.type, system.organisationType) === 'gp-practice');
    expect(practices.length).toBe(30);
  });

  it('records medicines stopped against advice, carer concerns (some unanswered), red flags and admissions', () => {
    const stopped = all.get('MedicationStatement')!.filter((s) => s.status === 'stopped' && codeIn(s.statusReason, system.medicationStatusReason) === 'stopped-against-advice');
    expect(stopped.length).toBeGreaterThan(10);
    const comms = all.get('Communication')!;
    const concerns = comms.filter((c) => codeIn(c.category, system.communicationCategory) === 'carer-concern');
    const answered = new Set(comms.filter((c) => c.inResponseTo).map((c) => c.inResponseTo[0].reference));
    expect(concerns.length).toBeGreaterThan(30);
    expect(concerns.every((c) => c.sender.reference.startsWith('RelatedPerson/'))).toBe(true);
    const unanswered = concerns.filter((c) => !answered.has(`Communication/${c.id}`)).length;
    expect(unanswered).toBeGreaterThan(0);
    expect(unanswered).toBeLessThan(concerns.length);
    expect(all.get('Flag')!.filter((f) => codeIn(f.code, system.redFlag) === 'police-contact').length).toBeGreaterThan(50);
    const admissions = all.get('Encounter')!.filter((e) => e.class.code === 'IMP');
    expect(admissions.length).toBeGreaterThan(100);
  });

  it('records social needs besides housing, so some people have several (003_* chapter 2)', () => {
    const needs = all.get('Flag')!.filter((f) => codeIn(f.category, system.flagCategory) === 'social-need');
    const count = (code: string) => needs.filter((f) => codeIn(f.code, system.redFlag) === code).length;
    // Financial hardship about 15%, isolation 12%, self-neglect about 6% of people.
    expect(count('financial-hardship')).toBeGreaterThan(PEOPLE * 0.1);
    expect(count('social-isolation')).toBeGreaterThan(PEOPLE * 0.08);
    expect(count('self-neglect')).toBeGreaterThan(PEOPLE * 0.03);
    const perPerson = byPatient(needs);
    expect([...perPerson.values()].filter((flags) => new Set(flags.map((f) => codeIn(f.code, system.redFlag))).size >= 2).length).toBeGreaterThan(PEOPLE * 0.02);
  });

  it('has about half of people with SMI on a caseload with a full physical health check, and invitations some have not answered', () => {
    const of = (type: string) => byPatient(all.get(type) ?? []);
    const [episodes, conditions, observations, communications] = [of('EpisodeOfCare'), of('Condition'), of('Observation'), of('Communication')];
    const invitation = physicalHealthRules.invitation.category.code;
    const checks = [...conditions.keys()].map((id) =>
      evaluatePhysicalHealth(
        {
          personId: id,
          episodes: (episodes.get(id) ?? []).map((e) => ({ id: e.id, status: e.status, start: e.period?.start, end: e.period?.end, teamId: e.managingOrganization?.reference })),
          diagnoses: conditions.get(id)!.map((c) => ({ id: c.id, codings: c.code.coding })),
          results: (observations.get(id) ?? []).map((o) => ({ id: o.id, status: o.status, at: o.effectiveDateTime, codes: [...o.code.coding, ...((o.component ?? []) as R[]).flatMap((c) => c.code.coding)] })),
          invitations: (communications.get(id) ?? []).filter((c) => codeIn(c.category, system.communicationCategory) === invitation).map((c) => ({ id: c.id, status: c.status, sent: c.sent })),
        },
        AS_OF,
      ),
    );
    const eligible = checks.filter((c) => c.eligible);
    expect(eligible.length).toBeGreaterThan(300);
    const complete = eligible.filter((c) => c.completion === 'complete').length / eligible.length;
    expect(complete).toBeGreaterThan(0.35);
    expect(complete).toBeLessThan(0.65);
    const notResponded = eligible.filter((c) => c.invitation?.notResponded).length;
    expect(notResponded).toBeGreaterThan(0.1 * eligible.length);
    expect(notResponded).toBeLessThan(eligible.filter((c) => c.completion !== 'complete').length);
  });

  it('shares lithium and oral antipsychotics with GP practices: mostly accepted, some unanswered, some declined', () => {
    const agreements = all.get('CarePlan')!.filter((c) => codeIn(c.category, system.carePlanCategory) === 'shared-care-agreement').map((c) => readAgreement(c)!);
    const requests = new Map(all.get('MedicationRequest')!.map((m) => [m.id, m]));
    const patients = new Map(all.get('Patient')!.map((p) => [p.id, p]));
    expect(agreements.length).toBeGreaterThan(150);
    for (const a of agreements) {
      const atc = codeIn(requests.get(a.medicationRequestId)!.medicationCodeableConcept, system.atc);
      expect(atc === 'N05AN01' || (atc?.startsWith('N05A') && atc !== 'N05AH02'), atc).toBe(true);
      expect(patients.get(a.personId)!.generalPractitioner[0].reference).toBe(`Organization/${a.practiceId}`);
      expect(a.responsibilities.find((r) => r.task === 'prescribing')?.performerId).toBe(a.practiceId);
    }
    const share = (status: string) => agreements.filter((a) => a.status === status).length / agreements.length;
    expect(share('accepted')).toBeGreaterThan(0.55);
    expect(share('proposed')).toBeGreaterThan(0.08);
    expect(share('declined')).toBeGreaterThan(0.06);
    const unanswered = agreements.filter((a) => evaluateSharedCare({ personId: a.personId, episodes: [], agreements: [a], prescriptions: [{ id: a.medicationRequestId, status: 'active' }], practiceNames: {} }, AS_OF).reasons.some((r) => r.code === 'shared-care-unanswered'));
    expect(unanswered.length).toBeGreaterThan(0);
    expect(unanswered.length).toBeLessThan(agreements.filter((a) => a.status === 'proposed').length);
  });

  it('gives section 117 aftercare to exactly the people discharged from section 3, from their first such discharge', () => {
    const flags = all.get('Flag')!;
    const firstS3Discharge = new Map<string, string>();
    for (const f of flags.filter((f) => codeIn(f.code, system.mhaLegalStatus) === '03' && f.period?.end).sort((a, b) => a.period.end.localeCompare(b.period.end))) {
      if (!firstS3Discharge.has(f.subject.reference)) firstS3Discharge.set(f.subject.reference, f.period.end);
    }
    const aftercare = flags.filter((f) => codeIn(f.category, system.flagCategory) === 's117-aftercare');
    expect(firstS3Discharge.size).toBeGreaterThan(20);
    expect(new Map(aftercare.map((f) => [f.subject.reference, f.period.start]))).toEqual(firstS3Discharge);
    expect(aftercare.every((f) => f.status === 'active' && codeIn(f.code, system.mhaAftercare) === 's117-aftercare')).toBe(true);
  });
});
