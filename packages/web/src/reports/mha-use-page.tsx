import { Table } from 'nhsuk-react-components';
import { formatDate } from '../format/dates.ts';
import { FormErrors } from '../forms/form-errors.tsx';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import type { MhaUseMeasure, MhaUseReport } from '../../../domain/src/mha/mha-use.ts';
import { ReportDayForm, useReportDay } from './report-day.tsx';

const number = (n: number | null) => (n === null ? 'Withheld' : n.toLocaleString('en-GB'));

/**
 * Use of the Mental Health Act by ethnicity: people detained and on a CTO on a day, per 100,000
 * people on record, with the rate ratio against White British (docs/mental-health-act.md). For the
 * board, its analysts and team managers; aggregates only. The day is in the address (it is not personal).
 */
export function MhaUsePage() {
  const { state, errors: shownErrors, form } = useReportDay<MhaUseReport>('/api/reports/mha-use');

  if (state.status === 'failed' && state.problem.code !== 'invalid-input') {
    return <ProblemPage problem={state.problem} title={state.problem.status === 403 ? 'You cannot see this report' : 'The report could not be shown'} />;
  }
  const title = 'Use of the Mental Health Act by ethnicity';
  return (
    <>
      <FormErrors errors={shownErrors} />
      <PageHeading title={shownErrors.length ? `Error: ${title}` : title} caption="Report">
        Use of the Mental Health Act by ethnicity
      </PageHeading>
      <p className="nhsuk-body">
        People detained under section 2 or 3, and people on a Community Treatment Order, on one day, per 100,000 people on record of each ethnic
        category, and how many times the White British rate that is. Nobody is named.
      </p>
      <ReportDayForm form={form} label="Report date" button="Show the report" />
      {state.status === 'loading' ? <Loading what="the report" /> : null}
      {state.status === 'loaded' ? <UseTable report={state.data} /> : null}
    </>
  );
}

function UseTable({ report }: { report: MhaUseReport }) {
  const cells = (m: MhaUseMeasure) => [number(m.count), m.per100k === null ? '–' : number(m.per100k), m.rateRatio === null ? '–' : m.rateRatio.toFixed(2)];
  return (
    <section aria-labelledby="use-heading">
      <h2 id="use-heading" className="nhsuk-heading-m">
        As of {formatDate(report.asOf)}
      </h2>
      <Table responsive caption={`Detentions and CTOs per 100,000 by ethnic category, as of ${formatDate(report.asOf)}`}>
        <Table.Head>
          <Table.Row>
            {['Ethnic category', 'People on record', 'Detained', 'Detained per 100,000', 'Detention rate ratio', 'On a CTO', 'CTO per 100,000', 'CTO rate ratio'].map((h) => (
              <Table.Cell key={h}>{h}</Table.Cell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {[...report.rows, report.total].map((row) => (
            <Table.Row key={row.code ?? row.label}>
              {[row.label, number(row.people), ...cells(row.detained), ...cells(row.cto)].map((text, i) => (
                <Table.Cell key={i}>{text}</Table.Cell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <p className="nhsuk-body-s">Who is counted: {report.denominator}.</p>
      <p className="nhsuk-body-s">What is counted: {report.measure}.</p>
      <p className="nhsuk-body-s">{report.suppression}, so that nobody can be recognised; a dash means a rate or ratio that cannot be given.</p>
    </section>
  );
}
