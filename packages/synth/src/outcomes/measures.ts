import { outcomeRules, questionnaires, type QuestionnaireKey } from '@continuity/domain';
import { ref } from '../fhir.ts';
import type { PersonContext } from '../person-context.ts';

/**
 * Outcome measures over time (C14): DIALOG self-ratings (11 items, 1-7) every few months, HoNOS
 * clinician ratings (12 items, 0-4) at the start and about twice a year, ReQoL-10 for some, and
 * PHQ-9 and GAD-7 for people with depression or personality disorder, SWEMWBS for a few. Scores
 * drift toward better for most, worse for those who are disengaging.
 */
export function writeOutcomes(ctx: PersonContext): void {
  const { p, rnd, cal } = ctx;
  if (p.episodeStart === undefined) return;
  const end = Math.min(p.episodeEnd ?? cal.asOf, cal.asOf);
  // Severity on a 0 (well) to 1 (very unwell) scale at the start, and its change per year.
  const baseline = 0.45 + rnd.float() * 0.35;
  const trend = p.engagement === 'disengaging' ? 0.15 : -0.05 - rnd.float() * 0.2;
  const severityOn = (day: number) => Math.min(1, Math.max(0, baseline + (trend * (day - p.episodeStart!)) / 365 + rnd.normal(0, 0.06)));

  const series = (key: QuestionnaireKey, everyDays: number, maxCount: number, clinicianRated: boolean) => {
    // Each person has their own profile across items (some problems larger than others), kept over time.
    const itemOffsets = Array.from({ length: questionnaires[key].items }, () => rnd.normal(0, 0.7));
    const from = Math.max(p.episodeStart!, end - everyDays * (maxCount - 1) - rnd.int(0, everyDays));
    for (let day = from, n = 0; day <= end && n < maxCount; day += everyDays + rnd.int(-14, 14), n++) {
      if (p.engagement === 'disengaging' && p.disengagedFrom !== undefined && day > p.disengagedFrom && !clinicianRated) break;
      writeResponse(ctx, key, day, severityOn(day), clinicianRated, itemOffsets);
    }
  };
  if (rnd.chance(0.65)) series('dialog', 91, 4, false);
  if (rnd.chance(0.8)) series('honos', 182, 3, true);
  if (rnd.chance(0.35)) series('reqol-10', 182, 2, false);
  if (p.diagnosis === 'severe-depression' || p.diagnosis === 'personality-disorder') {
    if (rnd.chance(0.7)) series('phq-9', 91, 3, false);
    if (rnd.chance(0.5)) series('gad-7', 91, 3, false);
  }
  // After the other series, so adding it left their draws as they were.
  if (rnd.chance(0.25)) series('swemwbs', 182, 2, false);
}

/**
 * Where a person of a given severity (0-1) sits on each scale's item range, so totals look like
 * community caseloads: HoNOS items mostly 0-2 (totals around 10-15), DIALOG items around 4-5 of 7,
 * PHQ-9 and GAD-7 in the moderate to severe bands for people referred with depression.
 */
const itemLevel: Record<QuestionnaireKey, (severity: number) => number> = {
  dialog: (s) => 1 - 0.85 * s,
  'reqol-10': (s) => 1 - s,
  swemwbs: (s) => 0.9 - 0.7 * s,
  honos: (s) => 0.45 * s,
  'phq-9': (s) => 0.95 * s,
  'gad-7': (s) => 0.85 * s,
};

function writeResponse(ctx: PersonContext, key: QuestionnaireKey, day: number, severity: number, clinicianRated: boolean, offsets: number[]): void {
  const { rnd, cal, p } = ctx;
  const q = questionnaires[key];
  const level = itemLevel[key](severity);
  const item = (i: number) => {
    const value = Math.round(q.min + level * (q.max - q.min) + offsets[i]! + rnd.normal(0, 0.5));
    const answer = Math.min(q.max, Math.max(q.min, value));
    // The level runs the way the instrument scores; a negatively worded item (ReQoL-10 "I felt unable to cope") is answered the other way round.
    return outcomeRules[key].items[i]!.reversed ? q.max + q.min - answer : answer;
  };
  ctx.emit({
    resourceType: 'QuestionnaireResponse',
    id: ctx.nextId('qr'),
    questionnaire: q.url,
    status: 'completed',
    subject: ctx.patient,
    authored: cal.dateTime(Math.min(day, cal.asOf), rnd.int(18, 33) * 30),
    author: clinicianRated ? ref('Practitioner', p.keyWorker.id) : ctx.patient,
    source: ctx.patient,
    item: Array.from({ length: q.items }, (_, i) => ({ linkId: String(i + 1), answer: [{ valueInteger: item(i) }] })),
  });
}
