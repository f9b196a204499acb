import { SummaryList } from 'nhsuk-react-components';
import type { AgreementView } from './shared-care-types.ts';
import { AgreementHistory } from './agreement-history.tsx';

/** One agreement as the specialist team sees it: the medicine, the practice, its status and who does each task. */
export function AgreementSummary({ agreement }: { agreement: AgreementView }) {
  const held = (holder: 'practice' | 'team') => agreement.responsibilities.filter((r) => r.holder === holder).map((r) => r.name);
  const tasks = (names: string[]) => (names.length ? names.join('; ') : 'None');
  return (
    <SummaryList aria-label={`Shared care of ${agreement.medicine} with ${agreement.practice.name}`}>
      <SummaryList.Row>
        <SummaryList.Key>Medicine</SummaryList.Key>
        <SummaryList.Value>{agreement.medicine}</SummaryList.Value>
      </SummaryList.Row>
      <SummaryList.Row>
        <SummaryList.Key>Between</SummaryList.Key>
        <SummaryList.Value>
          {agreement.team.name} and {agreement.practice.name}
        </SummaryList.Value>
      </SummaryList.Row>
      <SummaryList.Row>
        <SummaryList.Key>Status</SummaryList.Key>
        <SummaryList.Value>
          <AgreementHistory history={agreement.history} />
        </SummaryList.Value>
      </SummaryList.Row>
      <SummaryList.Row>
        <SummaryList.Key>GP practice does</SummaryList.Key>
        <SummaryList.Value>{tasks(held('practice'))}</SummaryList.Value>
      </SummaryList.Row>
      <SummaryList.Row>
        <SummaryList.Key>Specialist team does</SummaryList.Key>
        <SummaryList.Value>{tasks(held('team'))}</SummaryList.Value>
      </SummaryList.Row>
    </SummaryList>
  );
}
