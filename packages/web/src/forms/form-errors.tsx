import { ErrorSummary } from 'nhsuk-react-components';
import { useEffect, useRef } from 'react';
import { ApiProblem } from '../api/client.ts';

export interface FormError {
  /** The id of the field at fault; omitted for a problem with the whole form. */
  fieldId?: string;
  message: string;
}

/**
 * The NHS error summary at the top of a form. It takes focus whenever it appears or its errors
 * change, and each error links to its field.
 */
export function FormErrors({ errors }: { errors: FormError[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const signature = errors.map((e) => `${e.fieldId}:${e.message}`).join('|');
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (errors.length === 0) return null;
  return (
    <ErrorSummary ref={ref} tabIndex={-1} disableAutoFocus>
      <ErrorSummary.Title>There is a problem</ErrorSummary.Title>
      <ErrorSummary.List>
        {errors.map((error) =>
          error.fieldId ? (
            <ErrorSummary.ListItem key={`${error.fieldId}:${error.message}`} href={`#${error.fieldId}`}>
              {error.message}
            </ErrorSummary.ListItem>
          ) : (
            <ErrorSummary.ListItem key={error.message}>{error.message}</ErrorSummary.ListItem>
          ),
        )}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}

/** The inline message for one field, if the summary has one for it. */
export function errorFor(errors: FormError[], fieldId: string): string | undefined {
  return errors.find((e) => e.fieldId === fieldId)?.message;
}

/**
 * A refusal from the API as a form's errors: each problem on one of the form's fields, beside that
 * field and in the form's words (`fieldOf` gives the input id and label, or nothing for a field the
 * form does not show); otherwise the refusal's own message. Anything else thrown becomes `fallback`.
 */
export function errorsFromProblem(problem: unknown, fallback: string, fieldOf: (apiField: string) => { id: string; label: string } | undefined): FormError[] {
  const p = problem instanceof ApiProblem ? problem : new ApiProblem(0, 'unexpected', fallback);
  const onFields = p.fields.flatMap((f) => {
    const field = fieldOf(f.field);
    return field ? [{ fieldId: field.id, message: `${field.label} ${f.message}` }] : [];
  });
  return onFields.length ? onFields : [{ message: p.message }];
}
