import { Button, Textarea } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import { useApiResource } from '../api/use-api-resource.ts';
import { formatDate } from '../format/dates.ts';
import { errorFor, errorsFromProblem, FormErrors, type FormError } from '../forms/form-errors.tsx';
import type { PartnerConcern } from './partner-types.ts';

/**
 * "Concerns from partner agencies" on the person record: each in the partner's words, those not yet
 * acknowledged first. Acknowledging records what the team did or will do; the red flag stays on the record.
 */
export function PartnerConcernsSection({ personId }: { personId: string }) {
  const [refresh, setRefresh] = useState(0);
  const [saved, setSaved] = useState('');
  const state = useApiResource<{ concerns: PartnerConcern[] }>(`/api/people/${encodeURIComponent(personId)}/partner-concerns`, refresh);
  if (state.status !== 'loaded' || state.data.concerns.length === 0) return null;
  return (
    <section aria-labelledby="partner-concerns-heading" className="app-record-section">
      <h2 className="nhsuk-heading-m" id="partner-concerns-heading">Concerns from partner agencies</h2>
      <div role="status">{saved ? <p className="nhsuk-inset-text app-confirmation">{saved}</p> : null}</div>
      <ul className="nhsuk-list">
        {state.data.concerns.map((c) => (
          <li key={`${c.flagId}-${c.version}`} className="app-partner-concern">
            <p className="nhsuk-body nhsuk-u-margin-bottom-2">
              {c.acknowledged ? <strong className="nhsuk-tag nhsuk-tag--green">Acknowledged</strong> : <strong className="nhsuk-tag nhsuk-tag--red">To act on</strong>} From {c.from.name}, raised {formatDate(c.raisedOn)}.
            </p>
            {c.words ? <blockquote className="nhsuk-body app-their-words">{c.words}</blockquote> : null}
            {c.acknowledged ? (
              <p className="nhsuk-body">
                Acknowledged {formatDate(c.acknowledged.date)} by {c.acknowledged.by}: {c.acknowledged.response}
              </p>
            ) : (
              <AcknowledgeForm personId={personId} concern={c} onSaved={() => { setSaved(`Concern from ${c.from.name} acknowledged.`); setRefresh((n) => n + 1); }} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function AcknowledgeForm({ personId, concern, onSaved }: { personId: string; concern: PartnerConcern; onSaved: () => void }) {
  const id = `acknowledge-${concern.flagId}`;
  const [response, setResponse] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  async function send(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await api.post(`/api/people/${encodeURIComponent(personId)}/partner-concerns/${encodeURIComponent(concern.flagId)}/acknowledge`, { version: concern.version, response });
      onSaved();
    } catch (problem) {
      setErrors(errorsFromProblem(problem, 'The acknowledgement could not be recorded. Please try again.', (field) => (field === 'response' ? { id, label: 'What you did or will do' } : undefined)));
      setBusy(false);
    }
  }
  return (
    <form noValidate onSubmit={(e) => void send(e)} aria-label={`Acknowledge the concern from ${concern.from.name}`}>
      <FormErrors errors={errors} />
      <Textarea id={id} label="What you did or will do" rows={2} value={response} error={errorFor(errors, id)} onChange={(e) => setResponse(e.currentTarget.value)} />
      <Button type="submit" secondary disabled={busy}>
        Acknowledge<span className="nhsuk-u-visually-hidden"> the concern from {concern.from.name}</span>
      </Button>
    </form>
  );
}
