import { BREAK_GLASS_HOURS } from '../format/domain-rules.ts';
import { WarningCallout } from 'nhsuk-react-components';
import { Link } from 'react-router-dom';
import { useSignedInUser } from '../auth/session-context.tsx';
import type { PersonRecordResponse, TimelineEntry } from '../api/types.ts';
import { formatDateTime } from '../format/dates.ts';
import { formatNhsNumber, fullName } from '../format/people.ts';
import { PageHeading } from '../layout/page-heading.tsx';
import { MedicinesSection } from '../medicines/medicines-section.tsx';
import { PhysicalHealthPanel } from '../physical-health/physical-health-panel.tsx';
import { OutcomesSection } from '../outcomes/outcomes-section.tsx';
import { CareSummary } from './care-summary.tsx';
import { MhaSection } from '../mha/mha-section.tsx';
import { PersonalDetails } from './personal-details.tsx';
import { SharedCareSection } from '../shared-care/shared-care-section.tsx';
import { PlansSection } from '../plans/plans-section.tsx';
import { Timeline } from './timeline.tsx';
import { CarersSection } from '../carers/carers-section.tsx';
import { PartnerConcernsSection } from '../partners/partner-concerns-section.tsx';
import { SharingSection } from '../partners/sharing-section.tsx';

const BASIS_WORDS = {
  'key-worker': 'You can see this record because you are this person’s key worker.',
  team: 'You can see this record because this person is on your team’s caseload.',
  'break-glass': 'You can see this record because you gave a reason (break-glass access).',
} as const;

export function PersonRecordView({ record, timeline }: { record: PersonRecordResponse; timeline: TimelineEntry[] }) {
  const user = useSignedInUser();
  const { person, access } = record;
  const name = fullName(person.name.given, person.name.family);
  return (
    <>
      <PageHeading title={`${name}: person record`} caption={`NHS number ${formatNhsNumber(person.nhsNumber)}`}>
        {name}
      </PageHeading>
      {access.basis === 'break-glass' ? (
        <WarningCallout className="app-break-glass-warning">
          <WarningCallout.Heading headingLevel="h2">Break-glass access: time-limited and audited</WarningCallout.Heading>
          <p>
            This person is not on your caseload. You can see their record{' '}
            {access.expiresAt ? `until ${formatDateTime(access.expiresAt)}` : `for ${BREAK_GLASS_HOURS} hours`} because you gave a
            reason. Your reason and everything you open are recorded and will be reviewed.
          </p>
        </WarningCallout>
      ) : (
        <p className="nhsuk-body-s">{BASIS_WORDS[access.basis]}</p>
      )}
      <p className="nhsuk-body">
        <Link to={`/people/${encodeURIComponent(person.id)}/contacts/new`}>Record a contact</Link>
        {' · '}
        <Link to={`/people/${encodeURIComponent(person.id)}/results/new`}>Record a result</Link>
        {' · '}
        <Link to={`/people/${encodeURIComponent(person.id)}/history`}>History across services</Link>
        {' · '}
        <Link to={`/people/${encodeURIComponent(person.id)}/need-to-know`}>Need to know (crisis)</Link>
        {' · '}
        <Link to={`/people/${encodeURIComponent(person.id)}/care-intensity`}>Step up or step down care</Link>
        {user.role === 'team-manager' ? (
          <>
            {' · '}
            <Link to={`/referrals/new?person=${encodeURIComponent(person.id)}`}>Record a referral</Link>
          </>
        ) : null}
      </p>
      <PersonalDetails person={person} />
      <CareSummary person={person} />
      <PlansSection personId={person.id} />
      <MedicinesSection personId={person.id} />
      <PhysicalHealthPanel personId={person.id} />
      <SharedCareSection personId={person.id} />
      <MhaSection personId={person.id} />
      <OutcomesSection personId={person.id} />
      <CarersSection personId={person.id} />
      <PartnerConcernsSection personId={person.id} />
      <SharingSection personId={person.id} />
      <Timeline entries={timeline} />
    </>
  );
}
