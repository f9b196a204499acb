import { extension, system } from '@continuity/domain';
import { concept } from '../fhir.ts';
import type { PersonContext } from '../person-context.ts';
import { nameFor } from './names.ts';

/** Who cares for people on community caseloads, with HL7 v3 RoleCode relationship codes. */
const relationships = {
  MTH: { weight: 30, display: 'mother', sameFamily: true, sex: 'female' },
  FTH: { weight: 9, display: 'father', sameFamily: true, sex: 'male' },
  SPS: { weight: 14, display: 'spouse', sameFamily: true, sex: 'any' },
  SIGOTHR: { weight: 10, display: 'significant other', sameFamily: false, sex: 'any' },
  SIS: { weight: 8, display: 'sister', sameFamily: true, sex: 'female' },
  BRO: { weight: 6, display: 'brother', sameFamily: true, sex: 'male' },
  DAU: { weight: 8, display: 'natural daughter', sameFamily: true, sex: 'female' },
  SON: { weight: 5, display: 'natural son', sameFamily: true, sex: 'male' },
  FRND: { weight: 10, display: 'unrelated friend', sameFamily: false, sex: 'any' },
} as const;
type Relationship = keyof typeof relationships;
const weights = Object.fromEntries(Object.entries(relationships).map(([k, v]) => [k, v.weight])) as Record<Relationship, number>;

/** Carer involvement (system.carerInvolvement) and what the person agrees may be shared with them (system.informationSharing). */
export const carerInvolvement = { involved: 'Involved in care and reviews', informed: 'Kept informed', 'not-involved': 'Not involved at the person\'s wish' } as const;
export const informationSharing = { full: 'Full sharing agreed', limited: 'Limited sharing agreed', none: 'No sharing agreed' } as const;

/** About half of people have a carer or family member on record; a few have two. */
export function writeCarers(ctx: PersonContext, familyName: string): string[] {
  const { p, rnd, faker, cal } = ctx;
  const chance = p.stage === 'waiting' ? 0.3 : 0.5;
  if (!rnd.chance(chance)) return [];
  const count = rnd.chance(0.12) ? 2 : 1;
  const ids: string[] = [];
  const since = p.episodeStart ?? p.referralDay;
  for (let c = 0; c < count; c++) {
    let code = rnd.weighted(weights);
    if ((code === 'DAU' || code === 'SON') && p.ageYears < 40) code = 'MTH';
    if ((code === 'MTH' || code === 'FTH') && p.ageYears > 75) code = 'DAU';
    const rel = relationships[code];
    const sex = rel.sex === 'any' ? (rnd.chance(0.5) ? 'female' : 'male') : rel.sex;
    const id = ctx.nextId('carer');
    const carerName = nameFor(faker, sex, p.ethnicCategory);
    const involvement = rnd.weighted({ involved: 60, informed: 28, 'not-involved': 12 });
    const sharing = involvement === 'not-involved' ? 'none' : rnd.weighted({ full: 55, limited: 40, none: 5 });
    ctx.emit({
      resourceType: 'RelatedPerson',
      id,
      extension: [
        { url: extension.carerInvolvement, valueCodeableConcept: concept(system.carerInvolvement, involvement, carerInvolvement[involvement]) },
        { url: extension.informationSharing, valueCodeableConcept: concept(system.informationSharing, sharing, informationSharing[sharing]) },
        { url: extension.isMainCarer, valueBoolean: c === 0 },
      ],
      active: true,
      patient: ctx.patient,
      relationship: [concept(system.v3RoleCode, code, rel.display)],
      name: [{ family: rel.sameFamily && rnd.chance(0.8) ? familyName : carerName.family, given: [carerName.given] }],
      telecom: [{ system: 'phone', value: `07${rnd.int(100, 999)} ${rnd.int(100000, 999999)}`, use: 'mobile' }],
      gender: sex,
      period: { start: cal.date(Math.min(p.lastDay, since + rnd.int(0, 60))) },
    });
    ids.push(id);
  }
  return ids;
}

