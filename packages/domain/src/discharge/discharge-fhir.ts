import { extension, system } from '../fhir/systems.ts';
import type { DischargeRecord } from './discharge-facts.ts';

type Extension = { url: string; [value: string]: unknown };

/**
 * The extensions a finished EpisodeOfCare carries for its discharge (docs/fhir.md, "Discharge"):
 * the coded reason, the MDT decision date, and the three records in words. Absent fields are left
 * out (not recorded means absent).
 */
export function dischargeExtensions(discharge: DischargeRecord): Extension[] {
  const out: Extension[] = [];
  if (discharge.reason) out.push({ url: extension.dischargeReason, valueCodeableConcept: { coding: [{ system: system.dischargeReason, code: discharge.reason }] } });
  if (discharge.mdtDecisionDate) out.push({ url: extension.mdtDecisionDate, valueDate: discharge.mdtDecisionDate });
  if (discharge.relapseIndicators) out.push({ url: extension.relapseIndicators, valueString: discharge.relapseIndicators });
  if (discharge.harmsIfMissed) out.push({ url: extension.harmsIfRelapseMissed, valueString: discharge.harmsIfMissed });
  if (discharge.routeBack) out.push({ url: extension.routeBack, valueString: discharge.routeBack });
  return out;
}

/** The URLs of the discharge extensions: replaced as a set when a discharge is recorded again. */
export const dischargeExtensionUrls: readonly string[] = [
  extension.dischargeReason,
  extension.mdtDecisionDate,
  extension.relapseIndicators,
  extension.harmsIfRelapseMissed,
  extension.routeBack,
];
