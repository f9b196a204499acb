import { BREAK_GLASS_HOURS, BREAK_GLASS_MIN_REASON } from '../format/domain-rules.ts';
import { Button, Textarea } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { api, ApiProblem } from '../api/client.ts';
import { FormErrors, errorFor, type FormError } from '../forms/form-errors.tsx';

const TOO_SHORT = `Enter why you need this record, in at least ${BREAK_GLASS_MIN_REASON} characters`;

/** Asks for the reason for break-glass access, checks it as the server will, and sends it. */
export function BreakGlassForm({ personId, onGranted }: { personId: string; onGranted: () => void }) {
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim().length < BREAK_GLASS_MIN_REASON) return setErrors([{ fieldId: 'reason', message: TOO_SHORT }]);
    setBusy(true);
    try {
      await api.post(`/api/people/${encodeURIComponent(personId)}/break-glass`, { reason: reason.trim() });
      setErrors([]);
      onGranted();
    } catch (problem) {
      const p = problem instanceof ApiProblem ? problem : undefined;
      if (p?.code === 'invalid-input' && p.fields.some((f) => f.field === 'reason')) setErrors([{ fieldId: 'reason', message: TOO_SHORT }]);
      else setErrors([{ message: p?.message ?? 'Access could not be given. Please try again.' }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <FormErrors errors={errors} />
      <form onSubmit={submit} noValidate aria-labelledby="break-glass-heading">
        <h2 className="nhsuk-heading-m" id="break-glass-heading">
          Open the record with a reason
        </h2>
        <Textarea
          id="reason"
          name="reason"
          label="Why do you need to see this record?"
          hint={`At least ${BREAK_GLASS_MIN_REASON} characters. Access lasts ${BREAK_GLASS_HOURS} hours; after that you will be asked again.`}
          rows={4}
          maxLength={1000}
          value={reason}
          error={errorFor(errors, 'reason')}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Button type="submit" warning disabled={busy}>
          Open the record
        </Button>
      </form>
    </>
  );
}
