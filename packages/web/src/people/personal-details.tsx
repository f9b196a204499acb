import { SummaryList, Tag } from 'nhsuk-react-components';
import type { ReactNode } from 'react';
import type { PersonRecord } from '../api/types.ts';
import { ageInYears, formatDate } from '../format/dates.ts';
import { formatNhsNumber, genderLabel, languageName } from '../format/people.ts';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <SummaryList.Row>
      <SummaryList.Key>{label}</SummaryList.Key>
      <SummaryList.Value>{children}</SummaryList.Value>
    </SummaryList.Row>
  );
}

const yesNo = (value: boolean | null) => (value === null ? 'Not recorded' : value ? 'Yes' : 'No');

/** Demographics and protected characteristics, each saying "Not recorded" when it is not. */
export function PersonalDetails({ person }: { person: PersonRecord }) {
  const age = person.birthDate ? ageInYears(person.birthDate, person.deceasedAt ? new Date(person.deceasedAt) : undefined) : undefined;
  const c = person.characteristics;
  return (
    <section aria-labelledby="personal-details">
      <h2 className="nhsuk-heading-m" id="personal-details">
        Personal details
      </h2>
      <SummaryList>
        <Row label="NHS number">{formatNhsNumber(person.nhsNumber)}</Row>
        <Row label="Date of birth">
          {formatDate(person.birthDate)}
          {age !== undefined ? ` (${age} years${person.deceasedAt ? ' at death' : ' old'})` : ''}
        </Row>
        {person.deceasedAt ? <Row label="Date of death">{formatDate(person.deceasedAt)}</Row> : null}
        <Row label="Gender">{genderLabel(person.gender)}</Row>
        <Row label="Gender identity">{c.genderIdentity.label}</Row>
        <Row label="Ethnicity">{c.ethnicCategory.label}</Row>
        <Row label="Sexual orientation">{c.sexualOrientation.label}</Row>
        <Row label="Religion or belief">{c.religion.label}</Row>
        <Row label="Disability">{c.disabilities.length ? c.disabilities.map((d) => d.label).join(', ') : 'None recorded'}</Row>
        <Row label="First language">{languageName(c.firstLanguage)}</Row>
        <Row label="Needs an interpreter">{yesNo(c.interpreterRequired)}</Row>
        <Row label="Accommodation">
          {person.accommodation.label}
          {person.accommodation.unstable ? (
            <>
              {' '}
              <Tag modifier="orange">Unstable accommodation</Tag>
            </>
          ) : null}
        </Row>
        <Row label="Postcode">{person.postcode ?? 'Not recorded'}</Row>
        <Row label="Phone">{person.phone ?? 'Not recorded'}</Row>
        <Row label="GP practice">
          {person.gpPractice ? `${person.gpPractice.name}${person.gpPractice.odsCode ? ` (${person.gpPractice.odsCode})` : ''}` : 'Not recorded'}
        </Row>
      </SummaryList>
    </section>
  );
}
