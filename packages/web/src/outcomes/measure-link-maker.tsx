import { Button, Select } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import { formatDateTime } from '../format/dates.ts';
import { errorFor, errorsFromProblem, type FormError } from '../forms/form-errors.tsx';
import { measureLinkRules, outcomeRules } from '../../../domain/src/outcomes/outcome-rules.ts';

interface MadeLink {
  path: string;
  title: string;
  expiresAt: string;
}

const selfRated = Object.values(outcomeRules).filter((r) => r.ratedBy === 'person');

/**
 * Makes a link the person opens to complete a measure themselves, with no account. The link is
 * shown once, here, to be sent to them; it works once and expires.
 */
export function MeasureLinkMaker({ personId }: { personId: string }) {
  const [instrument, setInstrument] = useState('');
  const [made, setMade] = useState<MadeLink | undefined>();
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!instrument) return setErrors([{ fieldId: 'link-instrument', message: 'Choose the measure the person will complete' }]);
    setBusy(true);
    try {
      const { link } = await api.post<{ link: MadeLink }>(`/api/people/${encodeURIComponent(personId)}/measure-links`, { instrument });
      setErrors([]);
      setMade(link);
    } catch (problem) {
      setErrors(errorsFromProblem(problem, 'The link could not be made. Please try again.', (f) => (f === 'instrument' ? { id: 'link-instrument', label: 'Measure' } : undefined)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="measure-link-heading">
      <h3 className="nhsuk-heading-s" id="measure-link-heading">
        A link for the person to complete a measure
      </h3>
      <Select
        id="link-instrument"
        name="link-instrument"
        label="Measure"
        hint={`The link works once and for ${measureLinkRules.expiresAfterDays} days. The person needs no account.`}
        value={instrument}
        error={errorFor(errors, 'link-instrument') ?? errors.find((e) => !e.fieldId)?.message}
        onChange={(e) => setInstrument(e.currentTarget.value)}
      >
        <Select.Option value="">Choose the measure</Select.Option>
        {selfRated.map((r) => (
          <Select.Option key={r.key} value={r.key}>
            {r.title}
          </Select.Option>
        ))}
      </Select>
      <Button type="submit" secondary disabled={busy}>
        Make a link
      </Button>
      <div role="status">
        {made ? (
          <div className="nhsuk-inset-text">
            <p className="nhsuk-body">
              {made.title} link made. Send it to the person; it is shown only now, and works until {formatDateTime(made.expiresAt)}.
            </p>
            <label className="nhsuk-label" htmlFor="measure-link">
              Link for the person
            </label>
            <input className="nhsuk-input" id="measure-link" readOnly value={`${window.location.origin}${made.path}`} onFocus={(e) => e.currentTarget.select()} />
          </div>
        ) : null}
      </div>
    </form>
  );
}
