import { observationCodes, system, type MonitoringTest } from '@continuity/domain';
import { coding } from '../fhir.ts';
import type { PersonContext } from '../person-context.ts';

const byTest = new Map(observationCodes.map((o) => [o.test, o]));
const CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
const UCUM = 'http://unitsofmeasure.org';

const categoryOf = (test: MonitoringTest) =>
  ['weight', 'bmi', 'blood-pressure', 'systolic-bp', 'diastolic-bp'].includes(test) ? 'vital-signs'
  : ['smoking-status', 'alcohol-audit-c'].includes(test) ? 'social-history'
  : test === 'ecg' || test === 'qtc' ? 'procedure'
  : 'laboratory';

const round = (value: number, places: number) => Number(value.toFixed(places));

/** A plausible result for a test, in the unit clinical-codes.ts gives for it. */
export function resultValue(ctx: PersonContext, test: MonitoringTest): Record<string, unknown> {
  const { rnd } = ctx;
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  const quantity = (value: number) => {
    const unit = byTest.get(test)!.unit!;
    return { valueQuantity: { value, unit, system: UCUM, code: unit } };
  };
  switch (test) {
    case 'lithium-level': return quantity(round(clamp(rnd.normal(0.7, 0.17), 0.2, 1.6), 2));
    case 'egfr': return quantity(Math.round(clamp(rnd.normal(86, 16), 22, 120)));
    case 'creatinine': return quantity(Math.round(clamp(rnd.normal(80, 18), 40, 250)));
    case 'tsh': return quantity(round(clamp(rnd.normal(2.2, 1.1), 0.2, 9), 1));
    case 'neutrophils': return quantity(round(clamp(rnd.normal(3.9, 1.1), 1.3, 9), 1));
    case 'white-cell-count': return quantity(round(clamp(rnd.normal(6.6, 1.4), 3, 12), 1));
    case 'valproate-level': return quantity(Math.round(clamp(rnd.normal(70, 20), 20, 130)));
    case 'prolactin': return quantity(Math.round(clamp(rnd.normal(380, 220), 60, 2500)));
    case 'qtc': return quantity(Math.round(clamp(rnd.normal(420, 20), 360, 510)));
    case 'weight': return quantity(round(clamp(rnd.normal(88, 18), 42, 180), 1));
    case 'bmi': return quantity(round(clamp(rnd.normal(29.5, 6), 16, 55), 1));
    case 'hba1c': return quantity(Math.round(clamp(rnd.normal(41, 9), 28, 110)));
    case 'fasting-glucose': return quantity(round(clamp(rnd.normal(5.4, 1), 3.5, 15), 1));
    case 'total-cholesterol': return quantity(round(clamp(rnd.normal(5.2, 1), 2.5, 9), 1));
    case 'hdl-cholesterol': return quantity(round(clamp(rnd.normal(1.2, 0.3), 0.5, 2.5), 1));
    case 'triglycerides': return quantity(round(clamp(rnd.normal(1.8, 0.8), 0.4, 6), 1));
    case 'alcohol-audit-c': return { valueInteger: rnd.chance(0.5) ? rnd.int(0, 3) : rnd.int(4, 12) };
    case 'smoking-status': {
      // About 40% of people with SMI smoke (NHS Digital, Health Survey for England).
      const status = rnd.weighted({ '77176002': 40, '8517006': 25, '266919005': 35 });
      const display = { '77176002': 'Smoker', '8517006': 'Ex-smoker', '266919005': 'Never smoked tobacco' }[status];
      return { valueCodeableConcept: { coding: [coding(system.snomed, status, display)], text: display } };
    }
    case 'blood-pressure': {
      const bp = (code: string, display: string, value: number) => ({
        code: { coding: [coding(system.loinc, code, display)] },
        valueQuantity: { value, unit: 'mm[Hg]', system: UCUM, code: 'mm[Hg]' },
      });
      return {
        component: [
          bp('8480-6', 'Systolic blood pressure', Math.round(clamp(rnd.normal(128, 15), 90, 200))),
          bp('8462-4', 'Diastolic blood pressure', Math.round(clamp(rnd.normal(80, 10), 50, 120))),
        ],
      };
    }
    case 'ecg': {
      const qtc = byTest.get('qtc')!;
      return {
        valueString: rnd.chance(0.95) ? 'Sinus rhythm' : 'Sinus tachycardia',
        component: [{
          code: { coding: [coding(system.loinc, qtc.loinc, qtc.display)] },
          valueQuantity: { value: Math.round(clamp(rnd.normal(420, 20), 360, 510)), unit: 'ms', system: UCUM, code: 'ms' },
        }],
      };
    }
    default: return {};
  }
}

/** One result Observation (LOINC coded), taken on a day. */
export function writeObservation(ctx: PersonContext, test: MonitoringTest, day: number): void {
  const code = byTest.get(test)!;
  const cat = categoryOf(test);
  ctx.emit({
    resourceType: 'Observation',
    id: ctx.nextId('obs'),
    status: 'final',
    category: [{ coding: [coding(CATEGORY, cat)] }],
    code: { coding: [coding(system.loinc, code.loinc, code.display)], text: code.display },
    subject: ctx.patient,
    effectiveDateTime: ctx.cal.date(day),
    ...resultValue(ctx, test),
  });
}
