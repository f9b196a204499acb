import { Button, Select, TextInput } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useApiResource, type Loaded } from '../api/use-api-resource.ts';
import { useSignedInUser } from '../auth/session-context.tsx';
import { formatDate } from '../format/dates.ts';
import { errorFor, type FormError } from '../forms/form-errors.tsx';
import { Loading } from '../layout/status-pages.tsx';
import { WorklistItems } from './worklist-items.tsx';
import type { WorklistResponse } from './worklist-types.ts';

export interface WorklistView {
  state: Loaded<WorklistResponse>;
  /** The form's own errors, else the server's word on a date or team it cannot use. */
  errors: FormError[];
  options: WorklistOptionsProps;
}

interface WorklistOptionsProps {
  dateText: string;
  setDateText: (value: string) => void;
  teamChoice: string;
  setTeamChoice: (value: string) => void;
  errors: FormError[];
  submit: (event: FormEvent) => void;
}

/**
 * A worklist as of a day and for a team, both kept in the address (they are not personal), so a
 * list can be bookmarked or shared with a colleague: GET /api/worklists/<name>.
 */
export function useWorklist(name: string): WorklistView {
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') ?? '';
  const team = params.get('team') ?? '';
  const [dateText, setDateText] = useState(asOf);
  const [teamChoice, setTeamChoice] = useState(team);
  const [formErrors, setFormErrors] = useState<FormError[]>([]);
  const query = new URLSearchParams();
  if (asOf) query.set('asOf', asOf);
  if (team) query.set('team', team);
  const state = useApiResource<WorklistResponse>(`/api/worklists/${name}${query.size ? `?${query}` : ''}`);
  const errors: FormError[] =
    formErrors.length > 0 || state.status !== 'failed' || state.problem.code !== 'invalid-input'
      ? formErrors
      : state.problem.fields.map((f) => ({ fieldId: f.field === 'team' ? 'team' : 'as-of', message: `${f.field === 'team' ? 'Team' : 'Date'} ${f.message}` }));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (dateText && !/^\d{4}-\d{2}-\d{2}$/.test(dateText)) return setFormErrors([{ fieldId: 'as-of', message: 'Enter the date as YYYY-MM-DD, for example 2026-06-30' }]);
    setFormErrors([]);
    const next = new URLSearchParams();
    if (dateText) next.set('asOf', dateText);
    if (teamChoice) next.set('team', teamChoice);
    setParams(next);
  }
  return { state, errors, options: { dateText, setDateText, teamChoice, setTeamChoice, errors, submit } };
}

/** The as-of day and team a worklist is shown for. */
export function WorklistOptions({ dateText, setDateText, teamChoice, setTeamChoice, errors, submit }: WorklistOptionsProps) {
  const user = useSignedInUser();
  return (
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
        error={errorFor(errors, 'as-of')}
        onChange={(e) => setDateText(e.currentTarget.value)}
      />
      {user.teams.length > 0 ? (
        <Select id="team" name="team" label="Team" labelProps={{ size: 's' }} value={teamChoice} error={errorFor(errors, 'team')} onChange={(e) => setTeamChoice(e.currentTarget.value)}>
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
  );
}

/** How many people are on the list that day, and each with their reasons; `order` says how they are sorted. */
export function WorklistResult({ state, order }: { state: Loaded<WorklistResponse>; order: string }) {
  if (state.status === 'loading') return <Loading what="the worklist" />;
  if (state.status !== 'loaded') return null;
  const { items, asOf } = state.data;
  return (
    <section aria-labelledby="worklist-count">
      <h2 id="worklist-count" className="nhsuk-heading-m">
        {items.length === 0 ? 'No one' : items.length === 1 ? '1 person' : `${items.length} people`} as of {formatDate(asOf)}
      </h2>
      {items.length ? (
        <>
          <p className="nhsuk-body-s">{order}</p>
          <WorklistItems list={state.data} />
        </>
      ) : (
        <p className="nhsuk-body">No one has a reason to be on this list on that day.</p>
      )}
    </section>
  );
}
