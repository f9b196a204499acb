import { Button, Select, TextInput } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../api/client.ts';
import { newContactId } from '../contacts/contact-id.ts';
import { formatDate } from '../format/dates.ts';
import { fullName } from '../format/people.ts';
import { errorFor, errorsFromProblem, type FormError } from '../forms/form-errors.tsx';
import { returnPath } from '../forms/return-path.ts';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import { AccessRefused } from '../people/access-refused.tsx';
import { usePersonRecord } from '../people/use-person-record.ts';
// By path, not the domain's index: only the rules' words and the calendar go into the app.
import { outcomeRules } from '../../../domain/src/outcomes/outcome-rules.ts';
import type { QuestionnaireKey } from '../../../domain/src/fhir/clinical-codes.ts';
import { londonToday } from '../../../domain/src/engagement/london-calendar.ts';
import type { MeasureScore } from '../../../domain/src/outcomes/score-items.ts';
import { answerId, MeasureQuestions, unansweredItems } from './measure-questions.tsx';
import { FormPageTop } from '../forms/form-page-top.tsx';

const isInstrument = (value: string | null): value is QuestionnaireKey => value !== null && value in outcomeRules;

/**
 * Entering a completed outcome measure: the instrument, the day, and one answer per item. The
 * measure id is made when the form opens, so sending twice records it once. On success the user
 * goes back to the record, which says the scores.
 */
export function RecordMeasurePage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const back = returnPath(params.get('returnTo'), id);
  const navigate = useNavigate();
  const { state, reload } = usePersonRecord(id);
  const [measureId] = useState(newContactId);
  const asked = params.get('instrument');
  const [instrument, setInstrument] = useState<QuestionnaireKey | ''>(isInstrument(asked) ? asked : '');
  const [date, setDate] = useState(londonToday());
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);

  if (state.status === 'loading') return <Loading what="the record" />;
  if (state.status === 'refused') return <AccessRefused personId={id} problem={state.problem} onGranted={reload} />;
  if (state.status === 'failed') return <ProblemPage problem={state.problem} title="The record could not be shown" />;
  const person = state.record.person;
  const name = fullName(person.name.given, person.name.family);
  const rules = instrument ? outcomeRules[instrument] : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!rules) return setErrors([{ fieldId: 'instrument', message: 'Choose the outcome measure' }]);
    const missing = unansweredItems(rules, answers);
    if (missing.length) return setErrors(missing);
    setBusy(true);
    try {
      const { measure } = await api.post<{ measure: { scores: MeasureScore[] } }>(`/api/people/${encodeURIComponent(id)}/outcomes`, { measureId, instrument, date: date.trim(), answers });
      const scores = measure.scores.map((s) => `${s.label.toLowerCase()} ${s.value}`).join(', ');
      navigate(back, { state: { confirmation: `${rules.title} recorded for ${name} on ${formatDate(date)}${scores ? `: ${scores}` : ''}.` } });
    } catch (problem) {
      setErrors(errorsFromProblem(problem, 'The measure could not be recorded. Please try again.', (f) => {
        if (f === 'date') return { id: 'date', label: 'Date' };
        if (f === 'instrument') return { id: 'instrument', label: 'Outcome measure' };
        const linkId = /^answers\.(.+)$/.exec(f)?.[1];
        return linkId ? { id: answerId(linkId), label: `Question ${linkId}` } : undefined;
      }));
    } finally {
      setBusy(false);
    }
  }

  const title = `Record an outcome measure for ${name}`;
  return (
    <>
      <FormPageTop back={back} errors={errors} title={title} caption={name}>
        Record an outcome measure
      </FormPageTop>
      <p className="nhsuk-body">Enter a measure once it has been completed. Scores inform the plan with the person; they are not a risk rating.</p>
      <form onSubmit={submit} noValidate aria-label="Record an outcome measure">
        <Select
          id="instrument"
          name="instrument"
          label="Outcome measure"
          value={instrument}
          error={errorFor(errors, 'instrument')}
          onChange={(e) => {
            setInstrument(isInstrument(e.currentTarget.value) ? e.currentTarget.value : '');
            setAnswers({});
          }}
        >
          <Select.Option value="">Choose the measure</Select.Option>
          {Object.values(outcomeRules).map((r) => (
            <Select.Option key={r.key} value={r.key}>
              {`${r.title}${r.ratedBy === 'clinician' ? ' (rated by the clinician)' : ''}`}
            </Select.Option>
          ))}
        </Select>
        <TextInput id="date" name="date" type="date" label="Date completed" hint="Today or earlier." width={10} value={date} error={errorFor(errors, 'date')} onChange={(e) => setDate(e.currentTarget.value)} />
        {rules ? (
          <>
            <p className="nhsuk-body">{rules.stem}</p>
            <MeasureQuestions rules={rules} answers={answers} errors={errors} onAnswer={(linkId, value) => setAnswers({ ...answers, [linkId]: value })} />
          </>
        ) : null}
        <Button type="submit" disabled={busy}>
          Record the measure
        </Button>
      </form>
    </>
  );
}
