import { ethnicCategories, extension, genderIdentities, religions, sexualOrientations, disabilities, system } from '@continuity/domain';
import { coding, concept, ref } from '../fhir.ts';
import type { PersonContext } from '../person-context.ts';
import { placeFor } from '../places/geography.ts';
import {
  DISABILITY_RECORDED, disabilityWeights, ENGLISH_FIRST_LANGUAGE, GENDER_IDENTITY_RECORDED, otherLanguages, RELIGION_RECORDED,
  religionWeights, SEXUAL_ORIENTATION_RECORDED, sexualOrientationWeights,
} from './characteristics.ts';
import { accommodationStatuses } from '@continuity/domain';
import { nameFor } from './names.ts';
import { syntheticNhsNumber } from './nhs-number.ts';

/**
 * The Patient: NHS number, name, date of birth, address, GP practice, and the characteristics the
 * equity breakdowns need. A characteristic that was never recorded is left out (not "unknown"), as
 * in real records; "not stated" is recorded where the person was asked and declined.
 */
export function writePatient(ctx: PersonContext, seed: number): { familyName: string; phone: string } {
  const { p, rnd, faker, cal } = ctx;
  const { given, middle, family } = nameFor(faker, p.sex, p.ethnicCategory);
  const street = faker.location.streetAddress();
  const place = placeFor(rnd);
  const phone = `07${rnd.int(100, 999)} ${rnd.int(100000, 999999)}`;

  const ext: Array<Record<string, unknown>> = [];
  const ethnic = ethnicCategories[p.ethnicCategory]!;
  ext.push({ url: extension.ethnicCategory, valueCodeableConcept: concept(system.ethnicCategory, p.ethnicCategory, ethnic.label) });
  if (rnd.chance(RELIGION_RECORDED)) {
    const religion = rnd.weighted(religionWeights);
    ext.push({ url: extension.religion, valueCodeableConcept: concept(system.religion, religion, religions[religion]) });
  }
  if (rnd.chance(SEXUAL_ORIENTATION_RECORDED)) {
    const so = rnd.weighted(sexualOrientationWeights);
    ext.push({ url: extension.sexualOrientation, valueCodeableConcept: concept(system.sexualOrientation, so, sexualOrientations[so]) });
  }
  if (rnd.chance(GENDER_IDENTITY_RECORDED)) {
    const gi = rnd.chance(0.985) ? (p.sex === 'male' ? '1' : '2') : rnd.pick(['3', '4', 'Z']);
    ext.push({ url: extension.genderIdentity, valueCodeableConcept: concept(system.genderIdentity, gi, genderIdentities[gi]) });
  }
  if (rnd.chance(DISABILITY_RECORDED)) {
    const d = rnd.weighted(disabilityWeights);
    ext.push({ url: extension.disability, valueCodeableConcept: concept(system.disability, d, disabilities[d]) });
  }
  const english = rnd.chance(ENGLISH_FIRST_LANGUAGE);
  const language = english ? 'en' : rnd.pick(Object.keys(otherLanguages) as Array<keyof typeof otherLanguages>);
  const interpreter = !english && rnd.chance(0.45);
  ext.push({ url: extension.interpreterRequired, valueBoolean: interpreter });
  if (p.accommodation) {
    ext.push({
      url: extension.accommodationStatus,
      valueCodeableConcept: concept(system.accommodationStatus, p.accommodation, accommodationStatuses[p.accommodation]!.label),
    });
  }
  const homeless = p.accommodation === 'homeless' || p.accommodation === 'rough-sleeping';

  ctx.emit({
    resourceType: 'Patient',
    id: p.id,
    extension: ext,
    identifier: [{ system: system.nhsNumber, value: syntheticNhsNumber(p.index, seed) }],
    active: true,
    name: [{ use: 'official', family, given: middle ? [given, middle] : [given] }],
    ...(rnd.chance(0.85) ? { telecom: [{ system: 'phone', value: phone, use: 'mobile' }] } : {}),
    gender: p.sex,
    birthDate: cal.date(p.birthDay),
    ...(p.deceasedDay !== undefined ? { deceasedDateTime: cal.date(p.deceasedDay) } : {}),
    address: homeless
      ? [{ use: 'temp', text: 'No fixed abode', city: place.town, district: place.district }]
      : [{ use: 'home', line: [street], city: place.town, postalCode: place.postcode, country: 'GB' }],
    generalPractitioner: [ref('Organization', p.gpPracticeId)],
    communication: [{
      language: { coding: [coding(system.bcp47, language, language === 'en' ? 'English' : otherLanguages[language as keyof typeof otherLanguages])] },
      preferred: true,
    }],
  });
  return { familyName: family, phone };
}
