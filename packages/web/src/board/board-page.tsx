import { Button, TextInput } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { BoardDashboard } from '../../../domain/src/board/board-dashboard.ts';
import { useApiResource } from '../api/use-api-resource.ts';
import { useSignedInUser } from '../auth/session-context.tsx';
import { formatDate } from '../format/dates.ts';
import { boardPeopleReaders } from '../format/domain-rules.ts';
import { FormErrors, errorFor, type FormError } from '../forms/form-errors.tsx';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import { BoardTileCard } from './board-tile-card.tsx';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The board dashboard (docs/board-dashboard.md): every tile as of a day, with its trend and a
 * breakdown by any characteristic; the same figures as `continuity report board`. Team managers can
 * open the people behind a tile, their own teams' only. The day is in the address (it is not personal).
 */
export function BoardPage() {
  const user = useSignedInUser();
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') ?? '';
  const [dateText, setDateText] = useState(asOf);
  const [errors, setErrors] = useState<FormError[]>([]);
  const state = useApiResource<BoardDashboard>(`/api/reports/board${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`);
  const shownErrors: FormError[] =
    errors.length > 0 || state.status !== 'failed' || state.problem.code !== 'invalid-input' ? errors : state.problem.fields.map((f) => ({ fieldId: 'as-of', message: `Date ${f.message}` }));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (dateText && !DATE.test(dateText)) return setErrors([{ fieldId: 'as-of', message: 'Enter the date as YYYY-MM-DD, for example 2026-06-30' }]);
    setErrors([]);
    setParams(dateText ? new URLSearchParams({ asOf: dateText }) : new URLSearchParams());
  }

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
      <form onSubmit={submit} noValidate aria-label="Dashboard date">
        <TextInput id="as-of" name="asOf" type="date" label="As of" labelProps={{ size: 's' }} hint="Leave empty for today." width={10} value={dateText} error={errorFor(shownErrors, 'as-of')} onChange={(e) => setDateText(e.currentTarget.value)} />
        <Button type="submit" secondary>
          Show the dashboard
        </Button>
      </form>
      {state.status === 'loading' ? <Loading what="the dashboard" /> : null}
      {state.status === 'loaded' ? (
        <>
          <h2 className="nhsuk-heading-m">As of {formatDate(state.data.asOf)}</h2>
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
