import { system } from '../fhir/systems.ts';
import { physicalHealthResults } from '../physical-health/physical-health-rules.ts';
import { monitoredResults } from './monitoring-rules.ts';
import { resultEntryTests, type ResultEntryTest } from './result-entry-rules.ts';

// Code lists only, no validators: the web app imports this file by path to build its list of tests.

/** A test that can be entered: a LOINC code the monitoring rules recognise, in the words of its group. */
export interface OfferedResultTest extends ResultEntryTest {
  code: string;
  /** The LOINC display, as the rules give it. */
  display: string;
  /** The group it belongs to, as the monitoring rules name it: "Renal function (eGFR or creatinine)". */
  group: string;
}

/**
 * Every test offered for entry, in the monitoring rules' order, then the rest of the physical health
 * check's: each LOINC code of each recognised kind of result that result-entry-rules.ts offers, once.
 * Throws when a recognised LOINC code has no entry rule, so a code added to the rules is a decision
 * here too, not silently missing from the form.
 */
export function offeredResultTests(): OfferedResultTest[] {
  const offered: OfferedResultTest[] = [];
  const seen = new Set<string>();
  for (const kind of [...Object.values(monitoredResults), ...Object.values(physicalHealthResults)]) {
    for (const coding of kind.codes) {
      if (coding.system !== system.loinc || seen.has(coding.code)) continue;
      seen.add(coding.code);
      const rule = resultEntryTests[coding.code];
      if (rule === undefined) throw new Error(`LOINC ${coding.code} is recognised by the monitoring rules but has no entry rule`);
      if ('notOffered' in rule) continue;
      offered.push({ ...rule, code: coding.code, display: coding.display, group: kind.name });
    }
  }
  return offered;
}
