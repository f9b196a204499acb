import { useState } from 'react';
import { api, ApiProblem } from '../api/client.ts';
import type { FormError } from '../forms/form-errors.tsx';

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
      const p = problem instanceof ApiProblem ? problem : new ApiProblem(0, 'unexpected', 'This could not be saved. Please try again.');
      const onFields = p.fields.filter((f) => fieldIds[f.field]);
      setErrors(onFields.length ? onFields.map((f) => ({ fieldId: fieldIds[f.field], message: `${fieldNames[f.field] ?? f.field} ${f.message}` })) : [{ message: p.message }]);
    } finally {
      setBusy(false);
    }
  }
  return { errors, setErrors, busy, send };
}
