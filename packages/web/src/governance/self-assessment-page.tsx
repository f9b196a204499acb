import { Table } from 'nhsuk-react-components';
import { Link } from 'react-router-dom';
import { useApiResource } from '../api/use-api-resource.ts';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import type { SelfAssessment } from './governance-types.ts';

const share = (value: number | null) => (value === null ? 'None marked essential' : `${Math.round(value * 100)}%`);

/**
 * The ICB self-assessment (003_* Appendix 4): where each of the 14 domains stands, counts by rating
 * and the share of essential questions met, each domain linking to its questions. Counts, never a
 * single maturity score: the tool is for a conversation about what needs action.
 */
export function SelfAssessmentPage() {
  const state = useApiResource<SelfAssessment>('/api/governance/self-assessment');
  if (state.status === 'failed') return <ProblemPage problem={state.problem} title={state.problem.status === 403 ? 'You cannot see the self-assessment' : 'The self-assessment could not be shown'} />;
  if (state.status !== 'loaded') return <Loading what="the self-assessment" />;
  const { summary, ratings } = state.data;
  const ratingCodes = Object.keys(ratings);
  return (
    <>
      <PageHeading title="ICB self-assessment" caption="Governance">
        ICB self-assessment
      </PageHeading>
      <p className="nhsuk-body">
        The Maturity Index self-assessment for intensive and assertive community mental health care: 14 domains of questions, each rated, with comments and
        a category (essential, enhancing or desirable). Open a domain to answer its questions.
      </p>
      <p className="nhsuk-body">
        <Link to="/governance/actions">The action plan</Link>
      </p>
      <Table responsive caption="Where each domain stands">
        <Table.Head>
          <Table.Row>
            <Table.Cell>Domain</Table.Cell>
            {ratingCodes.map((code) => (
              <Table.Cell key={code}>{ratings[code]}</Table.Cell>
            ))}
            <Table.Cell>Not rated</Table.Cell>
            <Table.Cell>Essential questions met</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {summary.map((d) => (
            <Table.Row key={d.domain}>
              <Table.Cell>
                <Link to={`/governance/self-assessment/${d.domain}`}>
                  {d.domain}. {d.title}
                </Link>
              </Table.Cell>
              {ratingCodes.map((code) => (
                <Table.Cell key={code}>{d.ratings[code]}</Table.Cell>
              ))}
              <Table.Cell>{d.ratings.unrated}</Table.Cell>
              <Table.Cell>
                {share(d.essential.share)}
                {d.essential.questions ? ` (${d.essential.met} of ${d.essential.questions})` : ''}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </>
  );
}
