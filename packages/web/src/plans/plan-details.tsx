import { SummaryList } from 'nhsuk-react-components';
import { formatDate } from '../format/dates.ts';
import { planKinds } from '../../../domain/src/plans/plan-kinds.ts';
import type { PlanView } from './plan-types.ts';

/** Who a plan was made with, in words. */
export function madeWith(plan: PlanView, name: string): string {
  const people = [...(plan.madeWithPerson ? [name] : []), ...plan.carers.map((c) => c.name), ...(plan.coProducedWith ? [plan.coProducedWith] : [])];
  return people.length ? people.join(', ') : `Not recorded as made with ${name}`;
}

/**
 * One version of a plan: who it names and was made with, then each section in words. The person's
 * own words are a quotation, kept exactly as said. A plan sent from another system without sections
 * is shown by its description.
 */
export function PlanDetails({ plan, name }: { plan: PlanView; name: string }) {
  const names = planKinds[plan.kind].namesKeyWorkerAndCrisisContact;
  return (
    <>
      <SummaryList>
        {names || plan.keyWorker ? (
          <SummaryList.Row>
            <SummaryList.Key>Key worker</SummaryList.Key>
            <SummaryList.Value>{plan.keyWorker?.name ?? 'Not named on this plan'}</SummaryList.Value>
          </SummaryList.Row>
        ) : null}
        {names || plan.crisisContact ? (
          <SummaryList.Row>
            <SummaryList.Key>In a crisis, contact</SummaryList.Key>
            <SummaryList.Value>{plan.crisisContact ?? 'Not named on this plan'}</SummaryList.Value>
          </SummaryList.Row>
        ) : null}
        {plan.contactFrequencyDays !== null ? (
          <SummaryList.Row>
            <SummaryList.Key>Contact agreed</SummaryList.Key>
            <SummaryList.Value>At least every {plan.contactFrequencyDays} days</SummaryList.Value>
          </SummaryList.Row>
        ) : null}
        <SummaryList.Row>
          <SummaryList.Key>Made with</SummaryList.Key>
          <SummaryList.Value>{madeWith(plan, name)}</SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Last reviewed</SummaryList.Key>
          <SummaryList.Value>{formatDate(plan.lastReviewed)}</SummaryList.Value>
        </SummaryList.Row>
      </SummaryList>
      {plan.goals.length ? (
        <>
          <h3 className="nhsuk-heading-s">Goals, in {name}’s words</h3>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {plan.goals.map((goal) => (
              <li key={goal.id}>“{goal.text}”</li>
            ))}
          </ul>
        </>
      ) : null}
      {plan.sections.length === 0 && plan.description ? (
        <>
          <h3 className="nhsuk-heading-s">Summary</h3>
          <p className="nhsuk-body app-preserve-lines">{plan.description}</p>
        </>
      ) : null}
      {plan.sections.map((section) => (
        <div key={section.section}>
          <h3 className="nhsuk-heading-s">{section.label}</h3>
          {section.personsOwnWords ? (
            <figure className="app-own-words">
              <blockquote>
                <p className="app-preserve-lines">“{section.text}”</p>
              </blockquote>
              <figcaption className="nhsuk-body-s">In {name}’s own words</figcaption>
            </figure>
          ) : (
            <p className="nhsuk-body app-preserve-lines">{section.text}</p>
          )}
        </div>
      ))}
    </>
  );
}
