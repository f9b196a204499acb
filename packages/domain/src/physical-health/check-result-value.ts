type R = Record<string, any>;

/**
 * A result's value in words for the physical health panel, from the parts of an Observation that
 * carry it: a quantity with its unit ("31.2 kg/m2"), a blood pressure's components ("128/82 mm[Hg]"),
 * a coded answer in its words ("Ex-smoker") or a score ("3"). Undefined when none is sent.
 */
export function checkResultValue(observation: { valueQuantity?: R | null; valueInteger?: number | null; valueCodeableConcept?: R | null; component?: R[] | null }): string | undefined {
  const quantity = (q: R | null | undefined) => (q && q.value !== undefined && q.value !== null ? `${q.value}${q.unit ? ` ${q.unit}` : ''}` : undefined);
  const own = quantity(observation.valueQuantity);
  if (own) return own;
  if (typeof observation.valueInteger === 'number') return String(observation.valueInteger);
  const concept = observation.valueCodeableConcept;
  const words = concept?.text ?? concept?.coding?.find((c: R) => c.display)?.display;
  if (typeof words === 'string') return words;
  const parts = (observation.component ?? []).map((c) => c.valueQuantity).filter((q): q is R => q && q.value !== undefined && q.value !== null);
  if (parts.length === 0) return undefined;
  const unit = parts[0]!.unit;
  return `${parts.map((q) => q.value).join('/')}${unit ? ` ${unit}` : ''}`;
}
