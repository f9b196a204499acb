import { Table } from 'nhsuk-react-components';
import type { ReportedMeasures, WaitingTimesReport } from '@continuity/store';
import { formatDate } from '../format/dates.ts';
import { FormErrors } from '../forms/form-errors.tsx';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import { ReportPeriodForm, useReportPeriod } from '../reports/report-period.tsx';

const days = (value: number | null) => (value === null ? '–' : `${value} days`);
const share = (value: number | null) => (value === null ? '–' : `${Math.round(value * 1000) / 10}%`);

function MeasuresTable({ caption, label, rows }: { caption: string; label: string; rows: Array<{ key: string; name: string; measures: ReportedMeasures }> }) {
  return (
    <Table caption={caption} responsive>
      <Table.Head>
        <Table.Row>
          <Table.Cell>{label}</Table.Cell>
          <Table.Cell format="numeric">Seen</Table.Cell>
          <Table.Cell format="numeric">Seen within 4 weeks</Table.Cell>
          <Table.Cell format="numeric">Median wait</Table.Cell>
          <Table.Cell format="numeric">90th percentile</Table.Cell>
          <Table.Cell format="numeric">Still waiting</Table.Cell>
          <Table.Cell format="numeric">Over 4 weeks</Table.Cell>
          <Table.Cell format="numeric">Longest wait</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {rows.map(({ key, name, measures: m }) => (
          <Table.Row key={key}>
            <Table.Cell>{name}</Table.Cell>
            <Table.Cell format="numeric">{m.seen}</Table.Cell>
            <Table.Cell format="numeric">{share(m.shareWithinStandard)}</Table.Cell>
            <Table.Cell format="numeric">{days(m.medianDays)}</Table.Cell>
            <Table.Cell format="numeric">{days(m.p90Days)}</Table.Cell>
            <Table.Cell format="numeric">{m.waiting}</Table.Cell>
            <Table.Cell format="numeric">{m.waitingOverStandard}</Table.Cell>
            <Table.Cell format="numeric">{days(m.longestWaitDays[0] ?? null)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

/**
 * Waiting times against the four-week standard, for a period (the last three months by default):
 * for the trust, by team and by ethnic group, so unequal waits are seen. Aggregate only.
 */
export function WaitingTimesPage() {
  const { state, errors, form } = useReportPeriod<WaitingTimesReport>('/api/reports/waiting-times');
  if (state.status === 'failed' && state.problem.code !== 'invalid-input') {
    return <ProblemPage problem={state.problem} title={state.problem.status === 403 ? 'You cannot see this report' : 'The report could not be shown'} />;
  }
  const title = 'Waiting times';
  return (
    <>
      <FormErrors errors={errors} />
      <PageHeading title={errors.length ? `Error: ${title}` : title} caption="Report">
        Waiting times against the four-week standard
      </PageHeading>
      <p className="nhsuk-body">
        The wait runs from the day of the referral to the second contact with the team, or the day a care plan is agreed if that is sooner. "Seen"
        counts waits that ended in the period; "still waiting" counts people waiting on its last day.
      </p>
      <ReportPeriodForm form={form} fromHint="Leave empty for the three months up to the last day." />
      {state.status === 'loading' ? <Loading what="the report" /> : null}
      {state.status === 'loaded' ? (
        <section aria-labelledby="waiting-period">
          <h2 id="waiting-period" className="nhsuk-heading-m">
            {formatDate(state.data.from)} to {formatDate(state.data.to)}
          </h2>
          <MeasuresTable caption="All referrals" label="Referrals" rows={[{ key: 'all', name: 'All teams', measures: state.data.overall }]} />
          <MeasuresTable caption="By team" label="Team" rows={state.data.byTeam.map((t) => ({ key: t.teamId ?? 'spa', name: t.team, measures: t.measures }))} />
          <MeasuresTable caption="By ethnic group" label="Ethnic group" rows={state.data.byEthnicity.map((e) => ({ key: e.group, name: e.group, measures: e.measures }))} />
        </section>
      ) : null}
    </>
  );
}
