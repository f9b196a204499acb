import { Button } from 'nhsuk-react-components';
import type { ReactNode } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import type { PersonRecord } from '../api/types.ts';
import { fullName } from '../format/people.ts';
import { useConfirmedSubmit } from '../forms/confirmed-submit.ts';
import type { FormError } from '../forms/form-errors.tsx';
import { FormPageTop } from '../forms/form-page-top.tsx';
import { returnPath } from '../forms/return-path.ts';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import { AccessRefused } from '../people/access-refused.tsx';
import { usePersonRecord } from '../people/use-person-record.ts';
import type { PersonMedicine } from './medicine-types.ts';
import { useMedicines } from './use-medicines.ts';

export interface MedicineFormContext {
  person: PersonRecord;
  name: string;
  /** The prescription the form acts on; absent when prescribing a new one. */
  medicine?: PersonMedicine;
  errors: FormError[];
}

interface MedicineFormPageProps {
  heading: string;
  /** Whether the form acts on one prescription (the route's :medicineId). */
  forMedicine: boolean;
  intro: (context: MedicineFormContext) => ReactNode;
  fields: (context: MedicineFormContext) => ReactNode;
  submitLabel: string;
  /** Checks in the browser first (an empty choice); the API checks everything again. */
  check?: () => FormError[];
  /** Sends the form; returns the confirmation shown on the page the user goes back to. */
  send: (context: MedicineFormContext) => Promise<string>;
  /** The form's fields by the API's field names: the input id and its label. */
  fieldOf: (apiField: string) => { id: string; label: string } | undefined;
}

/**
 * The frame every medicines form shares: the person's record (with break-glass when needed), the
 * prescription it acts on, the back link, the NHS error summary and the one button. On success the
 * user goes back where they came from, which says what was recorded.
 */
export function MedicineFormPage(props: MedicineFormPageProps) {
  const { id = '', medicineId = '' } = useParams();
  const [params] = useSearchParams();
  const back = returnPath(params.get('returnTo'), id);
  const { state, reload } = usePersonRecord(id);
  const medicines = useMedicines(id);
  const { errors, busy, submit } = useConfirmedSubmit(back, props.fieldOf);

  if (state.status === 'loading' || (props.forMedicine && medicines.status === 'loading')) return <Loading what="the record" />;
  if (state.status === 'refused') return <AccessRefused personId={id} problem={state.problem} onGranted={reload} />;
  if (state.status === 'failed') return <ProblemPage problem={state.problem} title="The record could not be shown" />;
  if (props.forMedicine && medicines.status === 'failed') return <ProblemPage problem={medicines.problem} title="The medicines could not be shown" />;
  const person = state.record.person;
  const name = fullName(person.name.given, person.name.family);
  const medicine = medicines.status === 'loaded' ? medicines.data.medicines.find((m) => m.id === medicineId) : undefined;
  if (props.forMedicine && !medicine) return <ProblemPage title="No such medicine" problem={new Error(`${name} has no prescription with that id.`)} />;
  const context: MedicineFormContext = { person, name, medicine, errors };


  const title = `${props.heading}${medicine ? `: ${medicine.name}` : ''}, ${name}`;
  return (
    <>
      <FormPageTop back={back} errors={errors} title={title} caption={medicine ? `${name}: ${medicine.name}` : name}>
        {props.heading}
      </FormPageTop>
      {props.intro(context)}
      <form onSubmit={submit(() => props.send(context), props.check)} noValidate aria-label={props.heading}>
        {props.fields(context)}
        <Button type="submit" disabled={busy}>
          {props.submitLabel}
        </Button>
      </form>
    </>
  );
}
