import type { PhysicalHealthCounts, PhysicalHealthReport } from '@continuity/store';
import { Button, Table, TextInput } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useApiResource } from '../api/use-api-resource.ts';
import { formatDate } from '../format/dates.ts';
import { FormErrors, errorFor, type FormError } from '../forms/form-errors.tsx';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const percent = (share: number | null) => (share === null ? 'None eligible' : `${Math.round(share * 1000) / 10}%`);

/**
 * Completion of the SMI annual physical health check per team, as of a day (SPEC C10): people on
 * the register each team holds, with a full check in the last 12 months, part of it, none, and
 * those invited who have not responded. Counts only; the day is in the address (it is not personal).
 */
export function PhysicalHealthReportPage() {
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') ?? '';
  const [asOfText, setAsOfText] = useState(asOf);
  const [errors, setErrors] = useState<FormError[]>([]);
  const state = useApiResource<PhysicalHealthReport>(`/api/reports/physical-health${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`);
  // The server's word on a date it cannot use, shown beside the field.
  const shownErrors: FormError[] =
    errors.length > 0 || state.status !== 'failed' || state.problem.code !== 'invalid-input' ? errors : state.problem.fields.map((f) => ({ fieldId: 'asOf', message: `As of ${f.message}` }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FormError[] = asOfText && !DATE.test(asOfText) ? [{ fieldId: 'asOf', message: 'Enter the day as YYYY-MM-DD, for example 2026-06-30' }] : [];
    setErrors(problems);
    if (problems.length) return;
    setParams(asOfText ? new URLSearchParams({ asOf: asOfText }) : new URLSearchParams());
  }

  if (state.status === 'failed' && state.problem.code !== 'invalid-input') {
    return <ProblemPage problem={state.problem} title={state.problem.status === 403 ? 'You cannot see this report' : 'The report could not be shown'} />;
  }
  const title = 'Physical health checks';
  return (
    <>
      <FormErrors errors={shownErrors} />
      <PageHeading title={shownErrors.length ? `Error: ${title}` : title} caption="Report">
        SMI annual physical health checks
      </PageHeading>
      <p className="nhsuk-body">
        People with psychosis or bipolar disorder held by each team, and whether they had all six parts of the annual check (BMI, blood pressure,
        glucose or HbA1c, lipids, smoking status, alcohol use) in the last 12 months. People invited who have not responded need following up.
      </p>
      <form onSubmit={submit} noValidate aria-label="Report day">
        <TextInput id="asOf" name="asOf" type="date" label="As of" labelProps={{ size: 's' }} hint="Leave empty for today." width={10} value={asOfText} error={errorFor(shownErrors, 'asOf')} onChange={(e) => setAsOfText(e.currentTarget.value)} />
        <Button type="submit" secondary>
          Show the report
        </Button>
      </form>
      {state.status === 'loading' ? <Loading what="the report" /> : null}
      {state.status === 'loaded' ? (
        <section aria-labelledby="report-heading">
          <h2 id="report-heading" className="nhsuk-heading-m">
            {percent(state.data.total.shareComplete)} complete as of {formatDate(state.data.asOf)}
          </h2>
          <Table responsive caption="Physical health check completion by team" captionProps={{ className: 'nhsuk-u-visually-hidden' }}>
            <Table.Head>
              <Table.Row>
                <Table.Cell>Team</Table.Cell>
                <Table.Cell>On the SMI register</Table.Cell>
                <Table.Cell>Full check</Table.Cell>
                <Table.Cell>Partial</Table.Cell>
                <Table.Cell>None</Table.Cell>
                <Table.Cell>Invited, not responded</Table.Cell>
                <Table.Cell>Complete</Table.Cell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {state.data.teams.map((t) => (
                <CountsRow key={t.teamId} label={t.team ?? t.teamId} counts={t} />
              ))}
              <CountsRow label="All teams" counts={state.data.total} />
            </Table.Body>
          </Table>
        </section>
      ) : null}
    </>
  );
}

function CountsRow({ label, counts }: { label: string; counts: PhysicalHealthCounts }) {
  return (
    <Table.Row>
      <Table.Cell>{label}</Table.Cell>
      <Table.Cell>{counts.eligible}</Table.Cell>
      <Table.Cell>{counts.complete}</Table.Cell>
      <Table.Cell>{counts.partial}</Table.Cell>
      <Table.Cell>{counts.none}</Table.Cell>
      <Table.Cell>{counts.invitedNotResponded}</Table.Cell>
      <Table.Cell>{percent(counts.shareComplete)}</Table.Cell>
    </Table.Row>
  );
}
