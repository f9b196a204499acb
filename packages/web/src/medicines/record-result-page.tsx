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
// By path, not the domain's index: only the monitoring rules' code lists and the calendar, not the validators, go into the app.
import { offeredResultTests } from '../../../domain/src/medicines/offered-result-tests.ts';
import { londonToday } from '../../../domain/src/engagement/london-calendar.ts';
import { FormPageTop } from '../forms/form-page-top.tsx';

const TESTS = offeredResultTests();
const GROUPS = [...new Set(TESTS.map((t) => t.group))];
const FIELDS = ['test', 'date', 'value', 'systolic', 'diastolic'] as const;
type Field = (typeof FIELDS)[number];

/**
 * Recording a monitoring result (a lithium level, a blood pressure...) that did not arrive from
 * the laboratory or another system. The tests offered are the codes the monitoring rules recognise,
 * so a result recorded here counts on the monitoring-overdue list. The result id is made when the
 * form opens (the same kind of id as a contact's), so pressing the button twice records it once.
 * On success the user goes back to where they came from, which says what was recorded.
 */
export function RecordResultPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const back = returnPath(params.get('returnTo'), id);
  const navigate = useNavigate();
  const { state, reload } = usePersonRecord(id);
  const [resultId] = useState(newContactId);
  const [form, setForm] = useState<Record<Field, string>>({ test: '', date: londonToday(), value: '', systolic: '', diastolic: '' });
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const set = (field: Field) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [field]: e.currentTarget.value });
  // Another test empties the numbers: a lithium level left in the box must not become a weight.
  const chooseTest = (e: { currentTarget: { value: string } }) => setForm({ ...form, test: e.currentTarget.value, value: '', systolic: '', diastolic: '' });

  if (state.status === 'loading') return <Loading what="the record" />;
  if (state.status === 'refused') return <AccessRefused personId={id} problem={state.problem} onGranted={reload} />;
  if (state.status === 'failed') return <ProblemPage problem={state.problem} title="The record could not be shown" />;
  const person = state.record.person;
  const name = fullName(person.name.given, person.name.family);
  const test = TESTS.find((t) => t.code === form.test);
  const label = (field: Field) =>
    field === 'test' ? 'Test' : field === 'date' ? 'Date taken' : test?.answers && field === 'value' ? test.label : (test?.quantities.find((q) => q.field === field)?.label ?? 'Result');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!test) return setErrors([{ fieldId: 'test', message: 'Choose the test' }]);
    setBusy(true);
    const body: Record<string, unknown> = { resultId, test: test.code, date: form.date.trim() };
    for (const q of test.quantities) if (form[q.field].trim()) body[q.field] = form[q.field].trim();
    if (test.answers && form.value) body.value = form.value;
    try {
      await api.post(`/api/people/${encodeURIComponent(id)}/results`, body);
      const values = test.answers
        ? (test.answers.find((a) => a.code === form.value)?.display ?? '')
        : `${test.quantities.map((q) => form[q.field].trim()).join('/')} ${test.quantities[0]!.shown}`;
      navigate(back, { state: { confirmation: `${test.label} recorded for ${name}: ${values}, taken ${formatDate(form.date)}.` } });
    } catch (problem) {
      setErrors(errorsFromProblem(problem, 'The result could not be recorded. Please try again.', (f) => ((FIELDS as readonly string[]).includes(f) ? { id: f, label: label(f as Field) } : undefined)));
    } finally {
      setBusy(false);
    }
  }

  const title = `Record a result for ${name}`;
  return (
    <>
      <FormPageTop back={back} errors={errors} title={title} caption={name}>
        Record a result
      </FormPageTop>
      <p className="nhsuk-body">
        Record a blood test or physical check that was not sent by the laboratory or another system, once the sample was taken. It counts on the
        monitoring overdue list from the day it was taken.
      </p>
      <form onSubmit={submit} noValidate aria-label="Record a result">
        <Select id="test" name="test" label={label('test')} value={form.test} error={errorFor(errors, 'test')} onChange={chooseTest}>
          <Select.Option value="">Choose the test</Select.Option>
          {GROUPS.map((group) => (
            <optgroup key={group} label={group}>
              {TESTS.filter((t) => t.group === group).map((t) => (
                <Select.Option key={t.code} value={t.code}>
                  {t.label}
                </Select.Option>
              ))}
            </optgroup>
          ))}
        </Select>
        <TextInput id="date" name="date" type="date" label={label('date')} hint="The day the sample was taken or the check made: today or earlier." width={10} value={form.date} error={errorFor(errors, 'date')} onChange={set('date')} />
        {test?.answers && (
          <Select id="value" name="value" label={test.label} value={form.value} error={errorFor(errors, 'value')} onChange={set('value')}>
            <Select.Option value="">Choose the answer</Select.Option>
            {test.answers.map((a) => (
              <Select.Option key={a.code} value={a.code}>
                {a.display}
              </Select.Option>
            ))}
          </Select>
        )}
        {test?.quantities.map((q) => (
          <TextInput
            key={`${test.code}-${q.field}`}
            id={q.field}
            name={q.field}
            inputMode={q.whole ? 'numeric' : 'decimal'}
            autoComplete="off"
            label={`${q.label} (${q.shown})`}
            hint={`A number between ${q.min} and ${q.max}.`}
            width={5}
            value={form[q.field]}
            error={errorFor(errors, q.field)}
            onChange={set(q.field)}
          />
        ))}
        <Button type="submit" disabled={busy}>
          Record the result
        </Button>
      </form>
    </>
  );
}
