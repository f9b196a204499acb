import type { SummaryWords } from './gp-summary-types.ts';

/** A summary's sections as headed paragraphs, in the order the document has them. */
export function SummarySections({ summary, headingLevel = 'h3' }: { summary: SummaryWords; headingLevel?: 'h2' | 'h3' }) {
  const Heading = headingLevel;
  return (
    <div className="app-gp-summary">
      {summary.sections.map((section) => (
        <section key={section.code} aria-label={section.title}>
          <Heading className="nhsuk-heading-s">{section.title}</Heading>
          {section.lines.length === 0 ? <p className="nhsuk-body">Written when the summary is sent.</p> : section.lines.map((line, i) => <p key={i} className="nhsuk-body">{line}</p>)}
        </section>
      ))}
    </div>
  );
}
