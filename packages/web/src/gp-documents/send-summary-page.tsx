import { BackLink, Button, Textarea } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api, ApiProblem } from '../api/client.ts';
import { useApiResource } from '../api/use-api-resource.ts';
import { FormErrors, errorFor, type FormError } from '../forms/form-errors.tsx';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import { DeliveryStatus } from './delivery-status.tsx';
import type { GpSummaryResponse, SentSummary } from './gp-summary-types.ts';
import { SummarySections } from './summary-sections.tsx';

/**
 * "Send summary to GP", after a discharge (?episode=) or an accepted transfer (?transfer=): the
 * summary as the practice will read it, what the clinician asks of the GP, and once sent where it is
 * in its delivery, with "Send again" when it failed. The server sends each summary once.
 */
export function SendSummaryPage() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const episode = search.get('episode');
  const transfer = search.get('transfer');
  const query = episode ? `episode=${encodeURIComponent(episode)}` : transfer ? `transfer=${encodeURIComponent(transfer)}` : '';
  const path = `/api/people/${encodeURIComponent(id)}/gp-summary`;
  const state = useApiResource<GpSummaryResponse>(`${path}?${query}`);
  const [followUp, setFollowUp] = useState('');
  const [sent, setSent] = useState<SentSummary | null>(null);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);

  if (state.status === 'loading' || state.status === 'idle') return <Loading what="the summary" />;
  if (state.status === 'failed') return <ProblemPage problem={state.problem} title={state.problem.status === 403 ? 'You cannot send this summary' : 'The summary could not be shown'} />;
  const shown = sent ?? state.data.sent;
  const preview = state.data.preview;
  const kind = shown?.kind ?? preview?.kind ?? 'discharge';
  const title = kind === 'discharge' ? 'Send the discharge summary to the GP' : 'Send the transfer summary to the GP';

  async function run(action: () => Promise<{ document: SentSummary }>, fallback: string) {
    setBusy(true);
    try {
      setSent((await action()).document);
      setErrors([]);
    } catch (problem) {
      const p = problem instanceof ApiProblem ? problem : new ApiProblem(0, 'unexpected', fallback);
      setErrors(p.fields.some((f) => f.field === 'followUp') ? [{ fieldId: 'followUp', message: `What you ask of the GP ${p.fields.find((f) => f.field === 'followUp')!.message}` }] : [{ message: p.message }]);
    } finally {
      setBusy(false);
    }
  }
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (!followUp.trim()) return setErrors([{ fieldId: 'followUp', message: 'Say what you ask of the GP, or that nothing is asked' }]);
    void run(() => api.post(path, { ...(episode ? { episode } : { transfer }), followUp: followUp.trim() }), 'The summary could not be sent. Please try again.');
  };

  return (
    <>
      <BackLink asElement={Link} to="/">
        Back to the start page
      </BackLink>
      <FormErrors errors={errors} />
      <PageHeading title={errors.length ? `Error: ${title}` : title} caption={preview ? `To ${preview.practice.name}` : undefined}>
        {title}
      </PageHeading>
      <div role="status">{shown ? <DeliveryStatus sent={shown} /> : null}</div>
      {shown ? (
        <>
          {shown.status === 'failed' ? (
            <Button type="button" disabled={busy} onClick={() => void run(() => api.post(`${path}/${encodeURIComponent(shown.id)}/send-again`, { version: shown.version }), 'It could not be sent again. Please try again.')}>
              Send again
            </Button>
          ) : null}
          <h2 className="nhsuk-heading-m">{shown.summary.title}</h2>
          <SummarySections summary={shown.summary} />
        </>
      ) : preview ? (
        <>
          <p className="nhsuk-body">
            This is what {preview.practice.name} will receive{preview.delivery === 'in-app' ? ', to read in Continuity: the practice has no system to send it to' : ', sent to the practice’s system'}. It is written from the record; add what you ask of the GP.
          </p>
          <h2 className="nhsuk-heading-m">{preview.summary.title}</h2>
          <SummarySections summary={preview.summary} />
          <form onSubmit={send} noValidate aria-label="Send the summary">
            <Textarea id="followUp" name="followUp" label="Follow-up asked of the GP" hint="What you ask the practice to do, in words; or say that nothing is asked." rows={4} maxLength={4000} value={followUp} error={errorFor(errors, 'followUp')} onChange={(e) => setFollowUp(e.currentTarget.value)} />
            <Button type="submit" disabled={busy}>
              Send summary to GP
            </Button>
          </form>
        </>
      ) : null}
    </>
  );
}
