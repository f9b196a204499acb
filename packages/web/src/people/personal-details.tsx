import { SummaryList, Tag } from 'nhsuk-react-components';
import type { PersonRecord } from '../api/types.ts';
import { ageInYears, formatDate } from '../format/dates.ts';
import { formatNhsNumber, genderLabel, languageName } from '../format/people.ts';
import { SummaryRow } from '../layout/summary-row.tsx';

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
        <SummaryRow label="NHS number">{formatNhsNumber(person.nhsNumber)}</SummaryRow>
        <SummaryRow label="Date of birth">
          {formatDate(person.birthDate)}
          {age !== undefined ? ` (${age} years${person.deceasedAt ? ' at death' : ' old'})` : ''}
        </SummaryRow>
        {person.deceasedAt ? <SummaryRow label="Date of death">{formatDate(person.deceasedAt)}</SummaryRow> : null}
        <SummaryRow label="Gender">{genderLabel(person.gender)}</SummaryRow>
        <SummaryRow label="Gender identity">{c.genderIdentity.label}</SummaryRow>
        <SummaryRow label="Ethnicity">{c.ethnicCategory.label}</SummaryRow>
        <SummaryRow label="Sexual orientation">{c.sexualOrientation.label}</SummaryRow>
        <SummaryRow label="Religion or belief">{c.religion.label}</SummaryRow>
        <SummaryRow label="Disability">{c.disabilities.length ? c.disabilities.map((d) => d.label).join(', ') : 'None recorded'}</SummaryRow>
        <SummaryRow label="First language">{languageName(c.firstLanguage)}</SummaryRow>
        <SummaryRow label="Needs an interpreter">{yesNo(c.interpreterRequired)}</SummaryRow>
        <SummaryRow label="Accommodation">
          {person.accommodation.label}
          {person.accommodation.unstable ? (
            <>
              {' '}
              <Tag modifier="orange">Unstable accommodation</Tag>
            </>
          ) : null}
        </SummaryRow>
        <SummaryRow label="Postcode">{person.postcode ?? 'Not recorded'}</SummaryRow>
        <SummaryRow label="Phone">{person.phone ?? 'Not recorded'}</SummaryRow>
        <SummaryRow label="GP practice">
          {person.gpPractice ? `${person.gpPractice.name}${person.gpPractice.odsCode ? ` (${person.gpPractice.odsCode})` : ''}` : 'Not recorded'}
        </SummaryRow>
      </SummaryList>
    </section>
  );
}
