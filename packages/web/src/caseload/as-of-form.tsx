import { Button, Select, TextInput } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { errorFor, type FormError } from '../forms/form-errors.tsx';

/**
 * The as-of date (and, for team pages, the team) in the address, so a list can be bookmarked or
 * shared with a colleague. Returns the current choices and the form that changes them.
 */
export function useAsOfChoice(teams?: ReadonlyArray<{ id: string; name: string }>) {
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') ?? '';
  const team = params.get('team') ?? teams?.[0]?.id ?? '';
  const [dateText, setDateText] = useState(asOf);
  const [teamChoice, setTeamChoice] = useState(team);
  const [errors, setErrors] = useState<FormError[]>([]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (dateText && !/^\d{4}-\d{2}-\d{2}$/.test(dateText)) return setErrors([{ fieldId: 'as-of', message: 'Enter the date as YYYY-MM-DD, for example 2026-06-30' }]);
    setErrors([]);
    const next = new URLSearchParams();
    if (dateText) next.set('asOf', dateText);
    if (teams && teamChoice) next.set('team', teamChoice);
    setParams(next);
  }

  const form = (
    <form onSubmit={submit} noValidate aria-label="List options">
      <TextInput
        id="as-of"
        name="asOf"
        type="date"
        label="As of"
        labelProps={{ size: 's' }}
        hint="As it stood at the end of this day. Leave empty for today."
        width={10}
        value={dateText}
        error={errorFor(errors, 'as-of')}
        onChange={(e) => setDateText(e.currentTarget.value)}
      />
      {teams && teams.length > 1 ? (
        <Select id="team" name="team" label="Team" labelProps={{ size: 's' }} value={teamChoice} onChange={(e) => setTeamChoice(e.currentTarget.value)}>
          {teams.map((t) => (
            <Select.Option key={t.id} value={t.id}>
              {t.name}
            </Select.Option>
          ))}
        </Select>
      ) : null}
      <Button type="submit" secondary>
        Show
      </Button>
    </form>
  );
  return { asOf, team, errors, setErrors, form, query: asOf ? `?asOf=${encodeURIComponent(asOf)}` : '' };
}
