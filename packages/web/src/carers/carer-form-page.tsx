import { Button } from 'nhsuk-react-components';
import type { ReactNode } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { fullName } from '../format/people.ts';
import { useConfirmedSubmit } from '../forms/confirmed-submit.ts';
import type { FormError } from '../forms/form-errors.tsx';
import { FormPageTop } from '../forms/form-page-top.tsx';
import { returnPath } from '../forms/return-path.ts';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import { AccessRefused } from '../people/access-refused.tsx';
import { usePersonRecord } from '../people/use-person-record.ts';
import type { PersonCarersResponse } from './carer-types.ts';
import { useCarers } from './use-carers.ts';

export interface CarerFormContext {
  personId: string;
  name: string;
  data: PersonCarersResponse;
  errors: FormError[];
}

interface CarerFormPageProps {
  heading: string;
  submitLabel: string;
  /** What the page needs from the person's carers, or a problem to show instead of the form. */
  find?: (context: CarerFormContext) => Error | undefined;
  intro?: (context: CarerFormContext) => ReactNode;
  fields: (context: CarerFormContext) => ReactNode;
  /** Checks in the browser first (an empty choice); the API checks everything again. */
  check?: () => FormError[];
  /** Sends the form; returns the confirmation shown on the page the user goes back to. */
  send: (context: CarerFormContext) => Promise<string>;
  /** The form's fields by the API's field names: the input id and its label. */
  fieldOf: (apiField: string) => { id: string; label: string } | undefined;
}

/**
 * The frame every carers form shares: the person's record (with break-glass when needed), their
 * carers and concerns, the back link, the NHS error summary and the one button. On success the
 * user goes back where they came from (the record), which says what was recorded.
 */
export function CarerFormPage(props: CarerFormPageProps) {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const back = returnPath(params.get('returnTo'), id);
  const { state, reload } = usePersonRecord(id);
  // Asked for once the record has opened, so a refusal is shown, not waited on.
  const carers = useCarers(state.status === 'loaded' ? id : null);
  const { errors, busy, submit } = useConfirmedSubmit(back, props.fieldOf);

  if (state.status === 'refused') return <AccessRefused personId={id} problem={state.problem} onGranted={reload} />;
  if (state.status === 'failed') return <ProblemPage problem={state.problem} title="The record could not be shown" />;
  if (state.status === 'loading' || carers.status === 'loading' || carers.status === 'idle') return <Loading what="the record" />;
  if (carers.status === 'failed') return <ProblemPage problem={carers.problem} title="Carers and family could not be shown" />;
  const person = state.record.person;
  const context: CarerFormContext = { personId: id, name: fullName(person.name.given, person.name.family), data: carers.data, errors };
  const missing = props.find?.(context);
  if (missing) return <ProblemPage title="Not found" problem={missing} />;


  return (
    <>
      <FormPageTop back={back} errors={errors} title={`${props.heading}, ${context.name}`} caption={context.name}>
        {props.heading}
      </FormPageTop>
      {props.intro?.(context)}
      <form onSubmit={submit(() => props.send(context), props.check)} noValidate aria-label={props.heading}>
        {props.fields(context)}
        <Button type="submit" disabled={busy}>
          {props.submitLabel}
        </Button>
      </form>
    </>
  );
}
