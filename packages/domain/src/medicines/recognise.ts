import { ATC, SNOMED } from '../fhir/clinical-codes.ts';
import { monitoredMedicines, type MonitoringCode, type MonitoredMedicine, type ResultKind } from './monitoring-rules.ts';

/**
 * The monitored groups a medicine belongs to, by its ATC or SNOMED CT codes (clozapine is also an
 * antipsychotic); when no code places it, by the names in its text (monitoredMedicines.names).
 */
export function medicineGroups(codes: readonly MonitoringCode[], name?: string | null): Set<MonitoredMedicine> {
  const groups = new Set<MonitoredMedicine>();
  for (const [group, known] of Object.entries(monitoredMedicines) as Array<[MonitoredMedicine, (typeof monitoredMedicines)[MonitoredMedicine]]>) {
    const except: readonly string[] = 'except' in known ? known.except : [];
    const matches = codes.some((c) =>
      c.system === ATC
        ? !except.includes(c.code) && ((known.atc as readonly string[]).includes(c.code) || known.atcPrefixes.some((p) => c.code.startsWith(p)))
        : c.system === SNOMED && (known.snomed as readonly string[]).includes(c.code),
    );
    if (matches) groups.add(group);
  }
  // A medicine coded in ATC or SNOMED CT is what its codes say, even when that is none of these.
  if (!name || codes.some((c) => c.system === ATC || c.system === SNOMED)) return groups;
  const words = new Set(name.toLowerCase().split(/[^a-z-]+/).flatMap((w) => [w, ...w.split('-')]));
  for (const [group, known] of Object.entries(monitoredMedicines) as Array<[MonitoredMedicine, (typeof monitoredMedicines)[MonitoredMedicine]]>) {
    if (known.names.some((n) => words.has(n))) groups.add(group);
  }
  return groups;
}

/** Whether a result is of a kind, by any of its codes. */
export function isResultOf(kind: ResultKind, codes: readonly MonitoringCode[]): boolean {
  return codes.some((c) => kind.codes.some((k) => k.system === c.system && k.code === c.code));
}
