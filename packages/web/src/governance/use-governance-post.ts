import { useState } from 'react';
import { api } from '../api/client.ts';
import { errorsFromProblem, type FormError } from '../forms/form-errors.tsx';

/**
 * Sends one governance form: on success calls `done` with what was saved; on refusal (a stale version included) turns
 * the server's per-field messages into errors beside the fields, in the form's words.
 */
export function useGovernancePost(fieldIds: Record<string, string>, fieldNames: Record<string, string>, done: (saved: unknown) => void) {
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  async function send(path: string, body: unknown) {
    setBusy(true);
    try {
      const saved = await api.post(path, body);
      setErrors([]);
      done(saved);
    } catch (problem) {
      // A stale version is about the whole form: the server's sentence says who changed it and what to do.
      setErrors(errorsFromProblem(problem, 'This could not be saved. Please try again.', (f) => (f !== 'version' && fieldIds[f] ? { id: fieldIds[f]!, label: fieldNames[f] ?? f } : undefined)));
    } finally {
      setBusy(false);
    }
  }
  return { errors, setErrors, busy, send };
}
