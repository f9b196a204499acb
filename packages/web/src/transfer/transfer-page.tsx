import { BackLink, Button, Select, SummaryList, Textarea, TextInput } from 'nhsuk-react-components';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, ApiProblem } from '../api/client.ts';
import { useApiResource } from '../api/use-api-resource.ts';
import { useSignedInUser } from '../auth/session-context.tsx';
import { formatDate, formatDateTime } from '../format/dates.ts';
import { formatNhsNumber } from '../format/people.ts';
import { FormErrors, errorFor, type FormError } from '../forms/form-errors.tsx';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import { HandoverPacketView } from './handover-packet-view.tsx';
import type { ShownTransfer, TransferResponse } from './transfer-types.ts';

const STATUS_WORDS: Record<ShownTransfer['status'], string> = {
  proposed: 'Waiting for the receiving team',
  accepted: 'Accepted',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
};

const FIELD_NAMES: Record<string, string> = { keyWorker: 'Key worker', declineReason: 'Reason', confirmedBy: 'Who confirmed', confirmedOn: 'Date confirmed', version: 'This transfer' };

/**
 * One transfer of care and its handover packet. The receiving team's manager accepts it (choosing
 * a key worker) or declines it with a reason; for a transfer out of area the sending team records
 * who at the receiving service confirmed; the sending team can withdraw it while it waits.
 */
export function TransferPage() {
  const { id = '', transferId = '' } = useParams();
  const user = useSignedInUser();
  // A decision shows what the server returned rather than reloading: after an out-of-area
  // acceptance the sending team no longer holds the person, so a reload would be refused.
  const [decided, setDecided] = useState<ShownTransfer | null>(null);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [keyWorker, setKeyWorker] = useState('');
  const [declineReason, setDeclineReason] = useState('');
  const [confirmedBy, setConfirmedBy] = useState('');
  const [confirmedOn, setConfirmedOn] = useState('');
  const path = `/api/people/${encodeURIComponent(id)}/transfers/${encodeURIComponent(transferId)}`;
  const state = useApiResource<TransferResponse>(path);

  if (state.status === 'loading' || state.status === 'idle') return <Loading what="the transfer" />;
  if (state.status === 'failed') return <ProblemPage problem={state.problem} title={state.problem.status === 403 ? 'You cannot see this transfer' : 'The transfer could not be shown'} />;
  const { person, keyWorkers } = state.data;
  const transfer = decided ?? state.data.transfer;
  const name = person.name ?? 'Name not recorded';
  const to = transfer.receivingTeam?.name ?? transfer.receivingService ?? 'the receiving service';
  const pending = transfer.status === 'proposed';
  const receiving = transfer.receivingTeam !== null && user.teams.some((t) => t.id === transfer.receivingTeam!.id);
  const sending = user.teams.some((t) => t.id === transfer.sendingTeam.id);

  async function act(action: 'accept' | 'decline' | 'withdraw', body: Record<string, unknown>, message: string, local: FormError[] = []) {
    if (local.length) return setErrors(local);
    setBusy(true);
    try {
      setDecided(await api.post<ShownTransfer>(`${path}/${action}`, { version: transfer.version, ...body }));
      setErrors([]);
      setDone(message);
    } catch (problem) {
      const p = problem instanceof ApiProblem ? problem : new ApiProblem(0, 'unexpected', 'This could not be saved. Please try again.');
      setErrors(
        p.fields.length && p.fields.every((f) => f.field in FIELD_NAMES && f.field !== 'version')
          ? p.fields.map((f) => ({ fieldId: f.field, message: /^[A-Z]/.test(f.message) ? f.message : `${FIELD_NAMES[f.field]} ${f.message}` }))
          : [{ message: p.message }],
      );
    } finally {
      setBusy(false);
    }
  }

  const submit = (run: () => void) => (event: FormEvent) => {
    event.preventDefault();
    run();
  };
  const row = (key: string, value: ReactNode) => (
    <SummaryList.Row>
      <SummaryList.Key>{key}</SummaryList.Key>
      <SummaryList.Value>{value}</SummaryList.Value>
    </SummaryList.Row>
  );
  const title = `Transfer of care: ${name}`;
  return (
    <>
      <BackLink asElement={Link} to={receiving && pending ? '/team/caseload' : `/people/${encodeURIComponent(id)}`}>
        {receiving && pending ? 'Back to the team caseload' : 'Back to the record'}
      </BackLink>
      <FormErrors errors={errors} />
      <PageHeading title={errors.length ? `Error: ${title}` : title} caption={`NHS number ${formatNhsNumber(person.nhsNumber)}`}>
        {title}
      </PageHeading>
      <div role="status">{done ? <p className="nhsuk-body app-transfer-done">{done}</p> : null}</div>
      <SummaryList aria-label="The transfer">
        {row('Status', pending ? <strong className="nhsuk-tag nhsuk-tag--yellow">Transfer pending</strong> : STATUS_WORDS[transfer.status])}
        {row('From', transfer.sendingTeam.name)}
        {row('To', to)}
        {row('Reason', transfer.reason)}
        {row('Proposed', `${formatDateTime(transfer.requestedAt)} by ${transfer.requestedByName}`)}
        {transfer.decidedAt ? row(STATUS_WORDS[transfer.status], `${formatDateTime(transfer.decidedAt)} by ${transfer.decidedByName ?? ''}`) : null}
        {transfer.confirmedBy ? row('Confirmed by the receiving service', `${transfer.confirmedBy}, ${formatDate(transfer.confirmedOn)}`) : null}
        {transfer.declineReason ? row('Why it was declined', transfer.declineReason) : null}
        {person.birthDate ? row('Date of birth', formatDate(person.birthDate)) : null}
      </SummaryList>
      {transfer.status === 'accepted' && (sending || receiving) && user.role !== 'crisis-line' ? (
        // Once care has moved, the GP is told: the summary page previews it and sends it once.
        <p className="nhsuk-body">
          <Link to={`/people/${encodeURIComponent(id)}/gp-summary?transfer=${encodeURIComponent(transferId)}`}>Send summary to GP</Link>
        </p>
      ) : null}
      {pending ? <p className="nhsuk-body">Until the transfer is accepted, {name} stays with {transfer.sendingTeam.name} and the episode of care stays open.</p> : null}

      {pending && receiving && user.role === 'team-manager' ? (
        <>
          <form onSubmit={submit(() => act('accept', keyWorker ? { keyWorker } : {}, `Accepted: ${name} is now with ${to}.`))} noValidate aria-label="Accept the transfer">
            <h2 className="nhsuk-heading-m">Accept</h2>
            <Select id="keyWorker" name="keyWorker" label="Key worker in your team" hint="You can allocate one later; until then the person is listed as held with no key worker." value={keyWorker} error={errorFor(errors, 'keyWorker')} onChange={(e) => setKeyWorker(e.currentTarget.value)}>
              <Select.Option value="">Allocate later</Select.Option>
              {keyWorkers.map((k) => (
                <Select.Option key={k.id} value={k.id}>
                  {k.name}
                </Select.Option>
              ))}
            </Select>
            <Button type="submit" disabled={busy}>
              Accept the transfer
            </Button>
          </form>
          <form
            onSubmit={submit(() => act('decline', { declineReason: declineReason.trim() }, `Declined: ${name} stays with ${transfer.sendingTeam.name}.`, declineReason.trim() ? [] : [{ fieldId: 'declineReason', message: 'Say why your team cannot take this person on' }]))}
            noValidate
            aria-label="Decline the transfer"
          >
            <h2 className="nhsuk-heading-m">Decline</h2>
            <Textarea id="declineReason" name="declineReason" label="Why your team cannot take this person on" hint="The sending team sees this and keeps the person until another route is agreed." rows={3} maxLength={4000} value={declineReason} error={errorFor(errors, 'declineReason')} onChange={(e) => setDeclineReason(e.currentTarget.value)} />
            <Button type="submit" secondary disabled={busy}>
              Decline the transfer
            </Button>
          </form>
        </>
      ) : null}

      {pending && sending && transfer.receivingTeam === null ? (
        <form
          onSubmit={submit(() =>
            act('accept', { confirmedBy: confirmedBy.trim(), ...(confirmedOn ? { confirmedOn } : {}) }, `Recorded: ${to} has taken ${name} on.`, [
              ...(confirmedBy.trim() ? [] : [{ fieldId: 'confirmedBy', message: 'Name who at the receiving service confirmed' }]),
              ...(confirmedOn ? [] : [{ fieldId: 'confirmedOn', message: 'Enter the date they confirmed' }]),
            ]),
          )}
          noValidate
          aria-label="Record the receiving service’s acceptance"
        >
          <h2 className="nhsuk-heading-m">Record that {to} accepted</h2>
          <TextInput id="confirmedBy" name="confirmedBy" label="Who confirmed" hint="Their name and role at the receiving service." value={confirmedBy} error={errorFor(errors, 'confirmedBy')} onChange={(e) => setConfirmedBy(e.currentTarget.value)} />
          <TextInput id="confirmedOn" name="confirmedOn" type="date" label="Date they confirmed" width={10} value={confirmedOn} error={errorFor(errors, 'confirmedOn')} onChange={(e) => setConfirmedOn(e.currentTarget.value)} />
          <Button type="submit" disabled={busy}>
            Record the acceptance
          </Button>
        </form>
      ) : null}

      {pending && sending ? (
        <form onSubmit={submit(() => act('withdraw', {}, `Withdrawn: ${name} stays with ${transfer.sendingTeam.name}.`))} noValidate aria-label="Withdraw the transfer">
          <Button type="submit" secondary disabled={busy}>
            Withdraw the transfer
          </Button>
        </form>
      ) : null}

      <HandoverPacketView packet={transfer.packet} />
    </>
  );
}
