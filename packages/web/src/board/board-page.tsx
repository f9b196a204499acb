import type { BoardDashboard } from '../../../domain/src/board/board-dashboard.ts';
import { useSignedInUser } from '../auth/session-context.tsx';
import { formatDate, formatDateTime } from '../format/dates.ts';
import { boardPeopleReaders } from '../format/domain-rules.ts';
import { FormErrors } from '../forms/form-errors.tsx';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import { ReportDayForm, useReportDay } from '../reports/report-day.tsx';
import { BoardTileCard } from './board-tile-card.tsx';

/**
 * The board dashboard (docs/board-dashboard.md): every tile as of a day, with its trend and a
 * breakdown by any characteristic; the same figures as `continuity report board`. Team managers can
 * open the people behind a tile, their own teams' only. The day is in the address (it is not personal).
 */
export function BoardPage() {
  const user = useSignedInUser();
  const { state, errors: shownErrors, form } = useReportDay<BoardDashboard>('/api/reports/board');

  if (state.status === 'failed' && state.problem.code !== 'invalid-input') {
    return <ProblemPage problem={state.problem} title={state.problem.status === 403 ? 'You cannot see the board dashboard' : 'The dashboard could not be shown'} />;
  }
  const title = 'Board dashboard';
  return (
    <>
      <FormErrors errors={shownErrors} />
      <PageHeading title={shownErrors.length ? `Error: ${title}` : title} caption="Report">
        Board dashboard
      </PageHeading>
      <p className="nhsuk-body">
        The community mental health figures the board reads, on one day, each against its standard, with its trend over the last 12 month ends and a
        breakdown by ethnicity and other characteristics. The board pack (<code>continuity report board</code>) gives the same figures. No risk score.
      </p>
      <ReportDayForm form={form} label="Dashboard date" button="Show the dashboard" hint="Leave empty for the last month end, the day board packs report on. Today’s figures take longer to work out." />
      {state.status === 'loading' ? <Loading what="the dashboard" /> : null}
      {state.status === 'loaded' ? (
        <>
          <h2 className="nhsuk-heading-m">As of {formatDate(state.data.asOf)}</h2>
          <p className="nhsuk-body-s">Worked out from the records as they stood at {formatDateTime(state.data.dataAt)}; figures are kept for a short while after records change, then worked out again.</p>
          <div className="app-board-tiles">
            {state.data.tiles.map((t) => (
              <BoardTileCard key={t.tile.key} figures={t} asOf={state.data.asOf} showPeople={(boardPeopleReaders as readonly string[]).includes(user.role)} />
            ))}
          </div>
        </>
      ) : null}
    </>
  );
}
