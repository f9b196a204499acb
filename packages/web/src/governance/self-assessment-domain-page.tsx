import { BackLink } from 'nhsuk-react-components';
import { Link, useParams } from 'react-router-dom';
import { useApiResource } from '../api/use-api-resource.ts';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading, NotFoundPage, ProblemPage } from '../layout/status-pages.tsx';
import { AnswerForm } from './answer-form.tsx';
import type { SelfAssessment } from './governance-types.ts';

/** One domain's questions in the tool's order, with its lead-ins, each question answered in its own small form. */
export function SelfAssessmentDomainPage() {
  const { domain = '' } = useParams();
  const state = useApiResource<SelfAssessment>('/api/governance/self-assessment');
  if (state.status === 'failed') return <ProblemPage problem={state.problem} title={state.problem.status === 403 ? 'You cannot see the self-assessment' : 'The self-assessment could not be shown'} />;
  if (state.status !== 'loaded') return <Loading what="the self-assessment" />;
  const found = state.data.domains.find((d) => String(d.number) === domain);
  if (!found) return <NotFoundPage />;
  const title = `${found.number}. ${found.title}`;
  return (
    <>
      <BackLink asElement={Link} to="/governance/self-assessment">
        Back to the self-assessment
      </BackLink>
      <PageHeading title={title} caption="ICB self-assessment">
        {title}
      </PageHeading>
      <p className="nhsuk-body">Rate each question, say which category it is in, and add comments. Each question is saved on its own.</p>
      {found.items.map((item) =>
        item.kind === 'prompt' ? (
          <h2 key={`p${item.line}`} className="nhsuk-heading-s">
            {item.text}
          </h2>
        ) : (
          <AnswerForm key={item.id} question={item} ratings={state.data.ratings} categories={state.data.categories} />
        ),
      )}
    </>
  );
}
