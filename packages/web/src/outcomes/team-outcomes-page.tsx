import { Table } from 'nhsuk-react-components';
import type { TeamOutcomes } from '@continuity/store';
import { useApiResource } from '../api/use-api-resource.ts';
import { useSignedInUser } from '../auth/session-context.tsx';
import { formatDate } from '../format/dates.ts';
import { FormErrors } from '../forms/form-errors.tsx';
import { useAsOfChoice } from '../caseload/as-of-form.tsx';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';

const shown = (value: number | null, sign = false) => (value === null ? '–' : `${sign && value > 0 ? '+' : ''}${value}`);
const percent = (rate: number | null) => (rate === null ? '–' : `${Math.round(rate * 1000) / 10}%`);

/**
 * A team's outcome measures as of a day: how many people completed each, and for each score the
 * paired first and latest means, the mean change and how many changed reliably. Counts only: no
 * person is named, and no score is ever a risk rating.
 */
export function TeamOutcomesPage() {
  const user = useSignedInUser();
  const teams = useApiResource<{ teams: Array<{ id: string; name: string }> }>('/api/teams');
  // A manager reads their own teams; the board and analysts choose any team of the trust.
  const choices = user.role === 'team-manager' ? user.teams : teams.status === 'loaded' ? teams.data.teams : [];
  const choice = useAsOfChoice(choices);
  const state = useApiResource<TeamOutcomes>(choice.team ? `/api/reports/outcomes?${new URLSearchParams({ team: choice.team, ...(choice.asOf ? { asOf: choice.asOf } : {}) })}` : null);
  if (state.status === 'failed' && state.problem.code !== 'invalid-input') {
    return <ProblemPage problem={state.problem} title={state.problem.status === 403 ? 'You cannot see this report' : 'The report could not be shown'} />;
  }
  const errors = state.status === 'failed' ? [{ fieldId: 'as-of', message: `Date ${state.problem.fields[0]?.message ?? 'is not valid'}` }, ...choice.errors] : choice.errors;
  const team = choice.team;

  const title = 'Outcome measures by team';
  const teamName = choices.find((t) => t.id === team)?.name ?? team;
  return (
    <>
      <FormErrors errors={errors} />
      <PageHeading title={errors.length ? `Error: ${title}` : title} caption="Report">
        Outcome measures by team
      </PageHeading>
      <p className="nhsuk-body">
        For the people on the team's caseload on the day: who completed each measure in the last 12 months, and the change from each person's first
        score to their latest. Scores inform care plans; they are never a risk rating.
      </p>
      {choice.form}
      {state.status === 'loading' || (!team && teams.status === 'loading') ? <Loading what="the report" /> : null}
      {state.status === 'loaded' ? (
        <section aria-labelledby="outcomes-heading">
          <h2 id="outcomes-heading" className="nhsuk-heading-m">
            {teamName} as of {formatDate(state.data.asOf)}
          </h2>
          <p className="nhsuk-body">
            {state.data.caseload} people on the caseload; {state.data.completion.people} completed a measure in the last {state.data.completion.months} months (
            {percent(state.data.completion.rate)}).
          </p>
          <Table caption="Change from first to latest score" responsive>
            <Table.Head>
              <Table.Row>
                <Table.Cell>Measure and score</Table.Cell>
                <Table.Cell format="numeric">Completed</Table.Cell>
                <Table.Cell format="numeric">People with two scores</Table.Cell>
                <Table.Cell format="numeric">Mean first</Table.Cell>
                <Table.Cell format="numeric">Mean latest</Table.Cell>
                <Table.Cell format="numeric">Mean change</Table.Cell>
                <Table.Cell format="numeric">Reliably better</Table.Cell>
                <Table.Cell format="numeric">No reliable change</Table.Cell>
                <Table.Cell format="numeric">Reliably worse</Table.Cell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {state.data.instruments.flatMap((i) =>
                i.scores.map((s) => (
                  <Table.Row key={`${i.instrument}-${s.key}`}>
                    <Table.Cell>
                      {i.title}: {s.label}
                      <span className="nhsuk-body-s app-block">{s.higherIsBetter ? 'Higher is better' : 'Lower is better'}</span>
                    </Table.Cell>
                    <Table.Cell format="numeric">{i.completed}</Table.Cell>
                    <Table.Cell format="numeric">{s.paired}</Table.Cell>
                    <Table.Cell format="numeric">{shown(s.meanFirst)}</Table.Cell>
                    <Table.Cell format="numeric">{shown(s.meanLatest)}</Table.Cell>
                    <Table.Cell format="numeric">{shown(s.meanChange, true)}</Table.Cell>
                    <Table.Cell format="numeric">{shown(s.reliablyImproved)}</Table.Cell>
                    <Table.Cell format="numeric">{shown(s.noReliableChange)}</Table.Cell>
                    <Table.Cell format="numeric">{shown(s.reliablyDeteriorated)}</Table.Cell>
                  </Table.Row>
                )),
              )}
            </Table.Body>
          </Table>
        </section>
      ) : null}
    </>
  );
}
