import { Button, Select, TextInput } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useApiResource } from '../api/use-api-resource.ts';
import { useSignedInUser } from '../auth/session-context.tsx';
import { formatDate } from '../format/dates.ts';
import { FormErrors, errorFor, type FormError } from '../forms/form-errors.tsx';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import { WorklistItems } from './worklist-items.tsx';
import { DecidedByMdt } from '../escalation/decided-by-mdt.tsx';
import type { DisengagedWorklistResponse } from './worklist-types.ts';

/**
 * The disengaged worklist: people a team holds who may be losing contact, each with the reasons and
 * the records that show them. The as-of date and team are in the address (they are not personal),
 * so a list can be bookmarked or shared with a colleague.
 */
export function DisengagedPage() {
  const user = useSignedInUser();
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') ?? '';
  const team = params.get('team') ?? '';
  const [dateText, setDateText] = useState(asOf);
  const [teamChoice, setTeamChoice] = useState(team);
  const [errors, setErrors] = useState<FormError[]>([]);
  const query = new URLSearchParams();
  if (asOf) query.set('asOf', asOf);
  if (team) query.set('team', team);
  const state = useApiResource<DisengagedWorklistResponse>(`/api/worklists/disengaged${query.size ? `?${query}` : ''}`);
  // The server's word on a date or team it cannot use, shown beside the field it is about.
  const shownErrors: FormError[] =
    errors.length > 0 || state.status !== 'failed' || state.problem.code !== 'invalid-input'
      ? errors
      : state.problem.fields.map((f) => ({ fieldId: f.field === 'team' ? 'team' : 'as-of', message: `${f.field === 'team' ? 'Team' : 'Date'} ${f.message}` }));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (dateText && !/^\d{4}-\d{2}-\d{2}$/.test(dateText)) return setErrors([{ fieldId: 'as-of', message: 'Enter the date as YYYY-MM-DD, for example 2026-06-30' }]);
    setErrors([]);
    const next = new URLSearchParams();
    if (dateText) next.set('asOf', dateText);
    if (teamChoice) next.set('team', teamChoice);
    setParams(next);
  }

  if (state.status === 'failed' && state.problem.code !== 'invalid-input') {
    return <ProblemPage problem={state.problem} title={state.problem.status === 403 ? 'You cannot see this list' : 'The list could not be shown'} />;
  }
  const title = 'Disengaged';
  return (
    <>
      <FormErrors errors={shownErrors} />
      <PageHeading title={shownErrors.length ? `Error: ${title}` : title} caption="Worklist">
        People who may be losing contact
      </PageHeading>
      <p className="nhsuk-body">
        People held by {user.role === 'team-manager' ? 'a team' : 'your teams'} who have not had an attended contact within the interval their care plan sets
        (7 days in intensive or assertive care, 28 otherwise, when it sets none), who missed their last two or more appointments, whose long-acting
        injection is more than 7 days overdue, or who stopped a medicine against advice. Each reason names the records that show it. Missed
        appointments are a reason to reach out, never to discharge.
      </p>
      <form onSubmit={submit} noValidate aria-label="Worklist options">
        <TextInput
          id="as-of"
          name="asOf"
          type="date"
          label="As of"
          labelProps={{ size: 's' }}
          hint="The list as it stood at the end of this day. Leave empty for today."
          width={10}
          value={dateText}
          error={errorFor(shownErrors, 'as-of')}
          onChange={(e) => setDateText(e.currentTarget.value)}
        />
        {user.teams.length > 0 ? (
          <Select id="team" name="team" label="Team" labelProps={{ size: 's' }} value={teamChoice} error={errorFor(shownErrors, 'team')} onChange={(e) => setTeamChoice(e.currentTarget.value)}>
            <Select.Option value="">{user.role === 'team-manager' ? 'All teams' : 'All my teams'}</Select.Option>
            {user.teams.map((t) => (
              <Select.Option key={t.id} value={t.id}>
                {t.name}
              </Select.Option>
            ))}
          </Select>
        ) : null}
        <Button type="submit" secondary>
          Show the list
        </Button>
      </form>
      {state.status === 'loading' ? <Loading what="the worklist" /> : null}
      {state.status === 'loaded' ? (
        <section aria-labelledby="worklist-count">
          <h2 id="worklist-count" className="nhsuk-heading-m">
            {state.data.items.length === 0 ? 'No one' : state.data.items.length === 1 ? '1 person' : `${state.data.items.length} people`} as of{' '}
            {formatDate(state.data.asOf)}
          </h2>
          {state.data.items.length ? (
            <>
              <p className="nhsuk-body-s">Most reasons first, then longest without contact.</p>
              <WorklistItems list={state.data} />
            </>
          ) : (
            <p className="nhsuk-body">No one has a reason to be on this list on that day.</p>
          )}
        </section>
      ) : null}
      {state.status === 'loaded' ? <DecidedByMdt list={state.data} /> : null}
    </>
  );
}
