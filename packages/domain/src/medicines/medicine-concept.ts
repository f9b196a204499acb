import type { MedicineCode } from '../fhir/clinical-codes.ts';
import { system } from '../fhir/systems.ts';

/** A medicine as FHIR codes, as docs/fhir.md asks: ATC always, SNOMED CT where checked, and the name as text. */
export function medicineConcept(medicine: MedicineCode) {
  const coding = (codeSystem: string, code: string) => ({ system: codeSystem, code, display: medicine.display });
  return {
    coding: [coding(system.atc, medicine.atc), ...(medicine.snomed ? [coding(system.snomed, medicine.snomed)] : [])],
    text: medicine.display,
  };
}
