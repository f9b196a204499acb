import type { NeedToKnowResponse } from '../history/history-types.ts';
import { formatDate } from '../format/dates.ts';

type Plan = NonNullable<NeedToKnowResponse['crisisPlan']>;

/** Words as the person said them: a quotation, so nobody rewrites them at 3 am. */
export function OwnWords({ text, whose }: { text: string; whose: string }) {
  return (
    <figure className="app-own-words">
      <blockquote>
        <p>{text}</p>
      </blockquote>
      <figcaption className="nhsuk-body-s">In {whose} own words</figcaption>
    </figure>
  );
}

/** A crisis plan or risk formulation: its sections under their headings, or its description when written as one. */
export function PlanSections({ plan, headingLevel, whose }: { plan: Plan; headingLevel: 'h3'; whose: string }) {
  const Heading = headingLevel;
  return (
    <>
      <p className="nhsuk-body-s">Written or last reviewed {formatDate(plan.date)}.</p>
      {plan.sections.length === 0 ? <p className="nhsuk-body app-preserve-lines">{plan.description ?? 'The plan has no text.'}</p> : null}
      {plan.sections.map((section) => (
        <div key={section.code}>
          <Heading className="nhsuk-heading-s">{section.heading}</Heading>
          {section.personsOwnWords ? <OwnWords text={section.text} whose={whose} /> : <p className="nhsuk-body app-preserve-lines">{section.text}</p>}
        </div>
      ))}
    </>
  );
}
