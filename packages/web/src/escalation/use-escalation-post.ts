import { useState } from 'react';
import { api } from '../api/client.ts';
import { errorsFromProblem, type FormError } from '../forms/form-errors.tsx';

/**
 * Sends one escalation form: on success calls `done`; on refusal turns the server's per-field
 * messages into errors beside the fields (`fieldIds` maps an API field to its input's id).
 */
export function useEscalationPost(fieldIds: Record<string, string>, fieldNames: Record<string, string>, done: () => void) {
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  async function send(path: string, body: unknown) {
    setBusy(true);
    try {
      await api.post(path, body);
      setErrors([]);
      done();
    } catch (problem) {
      setErrors(errorsFromProblem(problem, 'This could not be saved. Please try again.', (f) => (fieldIds[f] ? { id: fieldIds[f]!, label: fieldNames[f] ?? f } : undefined)));
    } finally {
      setBusy(false);
    }
  }
  return { errors, setErrors, busy, send };
}
