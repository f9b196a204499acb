import { Button, TextInput } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useApiResource, type Loaded } from '../api/use-api-resource.ts';
import { errorFor, type FormError } from '../forms/form-errors.tsx';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface ReportPeriod<T> {
  state: Loaded<T>;
  /** The form's own errors, or the server's word on a date it cannot use, beside the field it is about. */
  errors: FormError[];
  form: { fromText: string; setFromText: (v: string) => void; toText: string; setToText: (v: string) => void; errors: FormError[]; submit: (e: FormEvent) => void };
}

/** A report over a period kept in the address (a period is not personal), loaded from `path`. */
export function useReportPeriod<T>(path: string): ReportPeriod<T> {
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const [fromText, setFromText] = useState(from);
  const [toText, setToText] = useState(to);
  const [formErrors, setFormErrors] = useState<FormError[]>([]);
  const query = new URLSearchParams();
  if (from) query.set('from', from);
  if (to) query.set('to', to);
  const state = useApiResource<T>(`${path}${query.size ? `?${query}` : ''}`);
  const errors: FormError[] =
    formErrors.length > 0 || state.status !== 'failed' || state.problem.code !== 'invalid-input'
      ? formErrors
      : state.problem.fields.map((f) => ({ fieldId: f.field === 'to' ? 'to' : 'from', message: `${f.field === 'to' ? 'To' : 'From'} ${f.message}` }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FormError[] = [];
    if (fromText && !DATE.test(fromText)) problems.push({ fieldId: 'from', message: 'Enter the first day as YYYY-MM-DD, for example 2026-01-01' });
    if (toText && !DATE.test(toText)) problems.push({ fieldId: 'to', message: 'Enter the last day as YYYY-MM-DD, for example 2026-03-31' });
    setFormErrors(problems);
    if (problems.length) return;
    const next = new URLSearchParams();
    if (fromText) next.set('from', fromText);
    if (toText) next.set('to', toText);
    setParams(next);
  }
  return { state, errors, form: { fromText, setFromText, toText, setToText, errors, submit } };
}

/** The From and To fields and the button that shows the report for them. */
export function ReportPeriodForm({ form, fromHint }: { form: ReportPeriod<unknown>['form']; fromHint: string }) {
  return (
    <form onSubmit={form.submit} noValidate aria-label="Report dates">
      <TextInput id="from" name="from" type="date" label="From" labelProps={{ size: 's' }} hint={fromHint} width={10} value={form.fromText} error={errorFor(form.errors, 'from')} onChange={(e) => form.setFromText(e.currentTarget.value)} />
      <TextInput id="to" name="to" type="date" label="To" labelProps={{ size: 's' }} hint="Leave empty for today." width={10} value={form.toText} error={errorFor(form.errors, 'to')} onChange={(e) => form.setToText(e.currentTarget.value)} />
      <Button type="submit" secondary>
        Show the report
      </Button>
    </form>
  );
}
