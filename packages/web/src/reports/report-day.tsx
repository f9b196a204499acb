import { Button, TextInput } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useApiResource, type Loaded } from '../api/use-api-resource.ts';
import { errorFor, type FormError } from '../forms/form-errors.tsx';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface ReportDay<T> {
  state: Loaded<T>;
  /** The form's own errors, or the server's word on a date it cannot use, beside the field. */
  errors: FormError[];
  form: { dateText: string; setDateText: (v: string) => void; errors: FormError[]; submit: (e: FormEvent) => void };
}

/** A report as of one day kept in the address (a day is not personal), loaded from `path`. */
export function useReportDay<T>(path: string): ReportDay<T> {
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') ?? '';
  const [dateText, setDateText] = useState(asOf);
  const [formErrors, setFormErrors] = useState<FormError[]>([]);
  const state = useApiResource<T>(`${path}${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`);
  const errors: FormError[] =
    formErrors.length > 0 || state.status !== 'failed' || state.problem.code !== 'invalid-input' ? formErrors : state.problem.fields.map((f) => ({ fieldId: 'as-of', message: `Date ${f.message}` }));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (dateText && !DATE.test(dateText)) return setFormErrors([{ fieldId: 'as-of', message: 'Enter the date as YYYY-MM-DD, for example 2026-06-30' }]);
    setFormErrors([]);
    setParams(dateText ? new URLSearchParams({ asOf: dateText }) : new URLSearchParams());
  }
  return { state, errors, form: { dateText, setDateText, errors, submit } };
}

/** The As of field and the button that shows the report for that day; `hint` says which day an empty field means. */
export function ReportDayForm({ form, label, button, hint = 'Leave empty for today.' }: { form: ReportDay<unknown>['form']; label: string; button: string; hint?: string }) {
  return (
    <form onSubmit={form.submit} noValidate aria-label={label}>
      <TextInput id="as-of" name="asOf" type="date" label="As of" labelProps={{ size: 's' }} hint={hint} width={10} value={form.dateText} error={errorFor(form.errors, 'as-of')} onChange={(e) => form.setDateText(e.currentTarget.value)} />
      <Button type="submit" secondary>
        {button}
      </Button>
    </form>
  );
}
