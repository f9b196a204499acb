import { BackLink, Button, InsetText, SummaryList, WarningCallout } from 'nhsuk-react-components';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useApiResource } from '../api/use-api-resource.ts';
import { formatDate } from '../format/dates.ts';
import { formatNhsNumber, fullName } from '../format/people.ts';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import { AccessRefused } from '../people/access-refused.tsx';
import type { NeedToKnowResponse } from '../history/history-types.ts';
import { OwnWords, PlanSections } from './plan-sections.tsx';

const BASIS_WORDS = {
  'crisis-line': 'You can see this page because this person is in intensive or assertive community care and you work on the crisis line. The full record still needs a reason. What you open is recorded.',
  'key-worker': 'You can see this page because you are this person’s key worker.',
  team: 'You can see this page because this person is on your team’s caseload.',
  'break-glass': 'You can see this page because you gave a reason (break-glass access). What you open is recorded and reviewed.',
} as const;

/** What the person agrees may be shared with each carer (CS/information-sharing); concerns from carers are always heard. */
const SHARING: Record<string, string> = {
  full: 'Information may be shared with them',
  limited: 'Limited information only: share what keeps the person safe',
  none: 'Nothing may be shared with them: you can still listen',
};
const INTENSITY: Record<string, string> = { intensive: 'intensive community care', assertive: 'assertive community care', standard: 'standard community care' };
const LEGAL: Record<string, string> = { cto: 'Community Treatment Order', detention: 'Detained', s117: 'Section 117 aftercare' };

/**
 * The crisis "need to know" page (docs/crisis-need-to-know.md): one printable page for someone in a
 * crisis, most urgent first: what must not be missed, the relapse signature, the crisis plan, whom to
 * call, legal status, current medicines, then the rest of the risk formulation.
 */
export function NeedToKnowPage() {
  const { id = '' } = useParams();
  const [refresh, setRefresh] = useState(0);
  const page = useApiResource<NeedToKnowResponse>(`/api/people/${encodeURIComponent(id)}/need-to-know`, refresh);

  if (page.status === 'idle' || page.status === 'loading') return <Loading what="the need-to-know page" />;
  if (page.status === 'failed') {
    if (page.problem.status === 403) return <AccessRefused personId={id} problem={page.problem} onGranted={() => setRefresh((n) => n + 1)} offerNeedToKnow={false} />;
    return <ProblemPage problem={page.problem} title={page.problem.status === 404 ? 'No record found' : 'The need-to-know page could not be shown'} />;
  }
  const data = page.data;
  const { person } = data;
  const name = fullName(person.name.given, person.name.family);
  const whose = `${person.name.given ?? name}’s`;
  const otherRiskSections = data.riskFormulation?.sections.filter((s) => data.relapseSignature?.reference !== `CarePlan/${data.riskFormulation!.id}` || s.code !== 'early-warning-signs') ?? [];

  return (
    <>
      <BackLink asElement={Link} to="/people" className="app-no-print">
        Find a person
      </BackLink>
      <PageHeading title={`Need to know: ${name}`} caption={`${name}, NHS number ${formatNhsNumber(person.nhsNumber)}`}>
        Need to know
      </PageHeading>
      <p className="nhsuk-body-s">{BASIS_WORDS[data.access.basis]}</p>
      <Button type="button" secondary className="app-no-print" onClick={() => window.print()}>
        Print this page
      </Button>

      <SummaryList aria-label="Who this is">
        <SummaryList.Row>
          <SummaryList.Key>Date of birth</SummaryList.Key>
          <SummaryList.Value>{formatDate(person.birthDate)}</SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Phone</SummaryList.Key>
          <SummaryList.Value>{person.phone ?? 'Not recorded'}</SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Postcode</SummaryList.Key>
          <SummaryList.Value>{person.postcode ?? 'Not recorded'}</SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Accommodation</SummaryList.Key>
          <SummaryList.Value>{person.accommodation}</SummaryList.Value>
        </SummaryList.Row>
      </SummaryList>

      <section aria-labelledby="must-not-miss-heading">
        <h2 className="nhsuk-heading-m" id="must-not-miss-heading">
          Must not miss
        </h2>
        {data.mustNotMiss.length === 0 ? (
          <p className="nhsuk-body">No active red flags, alerts or unanswered concerns from carers on record.</p>
        ) : (
          <WarningCallout>
            <WarningCallout.Heading headingLevel="h3">
              {data.mustNotMiss.length === 1 ? '1 thing' : `${data.mustNotMiss.length} things`} to know before you act
            </WarningCallout.Heading>
            <ul className="nhsuk-list nhsuk-list--bullet">
              {data.mustNotMiss.map((item) => (
                <li key={item.reference}>
                  <strong>{item.title}</strong>
                  {item.since ? `, since ${formatDate(item.since)}` : ''}
                  {item.words ? (
                    <>
                      : <q>{item.words}</q>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </WarningCallout>
        )}
      </section>

      <section aria-labelledby="relapse-heading">
        <h2 className="nhsuk-heading-m" id="relapse-heading">
          Relapse signature
        </h2>
        {data.relapseSignature ? (
          <>
            {data.relapseSignature.personsOwnWords ? <OwnWords text={data.relapseSignature.text} whose={whose} /> : <InsetText><p className="app-preserve-lines">{data.relapseSignature.text}</p></InsetText>}
            <p className="nhsuk-body-s">
              {data.relapseSignature.source === 'risk-formulation' ? 'From the risk formulation' : 'Recorded at discharge'}, {formatDate(data.relapseSignature.date)}.
            </p>
          </>
        ) : (
          <p className="nhsuk-body">No relapse signature is recorded. Ask the person, their carers or the team what their early signs are.</p>
        )}
      </section>

      <section aria-labelledby="crisis-plan-heading">
        <h2 className="nhsuk-heading-m" id="crisis-plan-heading">
          Crisis plan
        </h2>
        {data.crisisPlan ? <PlanSections plan={data.crisisPlan} headingLevel="h3" whose={whose} /> : <p className="nhsuk-body">No active crisis plan is recorded.</p>}
      </section>

      <section aria-labelledby="contacts-heading">
        <h2 className="nhsuk-heading-m" id="contacts-heading">
          Key contacts
        </h2>
        {data.teams.length === 0 ? <p className="nhsuk-body">No team holds this person now.</p> : null}
        {data.teams.map((team) => (
          <SummaryList key={team.episodeId} aria-label={`Team: ${team.team ?? 'not named'}`}>
            <SummaryList.Row>
              <SummaryList.Key>Team</SummaryList.Key>
              <SummaryList.Value>
                {team.team ?? 'Not recorded'}
                {team.intensity ? `, ${INTENSITY[team.intensity] ?? team.intensity}` : ''}
                <span className="app-block">Phone: {team.teamPhone ?? 'not recorded'}</span>
              </SummaryList.Value>
            </SummaryList.Row>
            <SummaryList.Row>
              <SummaryList.Key>Key worker</SummaryList.Key>
              <SummaryList.Value>
                {team.keyWorker ?? 'No key worker named'}
                {team.keyWorker ? <span className="app-block">Phone: {team.keyWorkerPhone ?? 'not recorded'}</span> : null}
              </SummaryList.Value>
            </SummaryList.Row>
          </SummaryList>
        ))}
        <h3 className="nhsuk-heading-s">Carers and family</h3>
        {data.carers.length === 0 ? (
          <p className="nhsuk-body">No carers or family are recorded.</p>
        ) : (
          <SummaryList aria-label="Carers and family">
            {data.carers.map((carer) => (
              <SummaryList.Row key={carer.id}>
                <SummaryList.Key>
                  {carer.name}
                  {carer.relationship ? `, ${carer.relationship.toLowerCase()}` : ''}
                  {carer.mainCarer ? ' (main carer)' : ''}
                </SummaryList.Key>
                <SummaryList.Value>
                  Phone: {carer.phone ?? 'not recorded'}
                  <span className="app-block">{carer.sharing ? (SHARING[carer.sharing] ?? carer.sharing) : 'What may be shared is not recorded: check before sharing'}</span>
                </SummaryList.Value>
              </SummaryList.Row>
            ))}
          </SummaryList>
        )}
      </section>

      <section aria-labelledby="legal-heading">
        <h2 className="nhsuk-heading-m" id="legal-heading">
          Mental Health Act
        </h2>
        {data.legalStatuses.length === 0 ? (
          <p className="nhsuk-body">Not detained and not on a Community Treatment Order, as the record stands.</p>
        ) : (
          <ul className="nhsuk-list nhsuk-list--bullet">
            {data.legalStatuses.map((status) => (
              <li key={status.id}>
                <strong>{status.kind === 'detention' ? `${LEGAL.detention}: ${status.name}` : LEGAL[status.kind]}</strong> since {formatDate(status.start)}
                {status.expires ? `; expires ${formatDate(status.expires)} unless renewed` : ''}
                {status.conditions.length ? `; conditions: ${status.conditions.join('; ')}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="medicines-heading">
        <h2 className="nhsuk-heading-m" id="medicines-heading">
          Current medicines
        </h2>
        {data.medicines.length === 0 ? (
          <p className="nhsuk-body">No current prescriptions are recorded.</p>
        ) : (
          <ul className="nhsuk-list nhsuk-list--bullet">
            {data.medicines.map((medicine) => (
              <li key={medicine.id}>
                <strong>{medicine.name}</strong>
                {medicine.dose ? `, ${medicine.dose}` : ''}
                {medicine.injectionSchedule?.lastGiven ? `; last given ${formatDate(medicine.injectionSchedule.lastGiven)}` : ''}
                {medicine.injectionSchedule?.nextDue ? `; next due ${formatDate(medicine.injectionSchedule.nextDue)}` : ''}
                {medicine.personSays?.stoppedAgainstAdvice ? `; says they stopped taking it${medicine.personSays.on ? ` on ${formatDate(medicine.personSays.on)}` : ''}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>

      {data.riskFormulation && (otherRiskSections.length > 0 || data.riskFormulation.sections.length === 0) ? (
        <section aria-labelledby="risk-heading">
          <h2 className="nhsuk-heading-m" id="risk-heading">
            Risk formulation
          </h2>
          <PlanSections plan={{ ...data.riskFormulation, sections: otherRiskSections }} headingLevel="h3" whose={whose} />
        </section>
      ) : null}
    </>
  );
}
