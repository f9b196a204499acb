import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorsFromProblem, type FormError } from './form-errors.tsx';

/**
 * Sending a form that records something: checks in the browser first, sends, and on success goes
 * back where the user came from with the confirmation to show there; a refusal becomes the NHS
 * error summary, each problem against its field. `busy` keeps the button from sending twice.
 */
export function useConfirmedSubmit(back: string, fieldOf: (apiField: string) => { id: string; label: string } | undefined) {
  const navigate = useNavigate();
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  /** The form's submit handler: `send` returns the confirmation; `check` finds what the browser can. */
  const submit = (send: () => Promise<string>, check?: () => FormError[]) => async (event: FormEvent) => {
    event.preventDefault();
    const found = check?.() ?? [];
    if (found.length) return setErrors(found);
    setBusy(true);
    try {
      navigate(back, { state: { confirmation: await send() } });
    } catch (problem) {
      setErrors(errorsFromProblem(problem, 'This could not be recorded. Please try again.', fieldOf));
    } finally {
      setBusy(false);
    }
  };
  return { errors, busy, submit };
}
