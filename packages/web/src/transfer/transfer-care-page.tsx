import { BackLink, Button, Select, Textarea, TextInput } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, ApiProblem } from '../api/client.ts';
import { useApiResource } from '../api/use-api-resource.ts';
import { formatDate } from '../format/dates.ts';
import { FormErrors, errorFor, type FormError } from '../forms/form-errors.tsx';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import { HandoverPacketView } from './handover-packet-view.tsx';
import type { ShownTransfer, TransferPreviewResponse } from './transfer-types.ts';

/** The choice that stands for a service outside the system: it is then named in words. */
const OUT_OF_AREA = 'out-of-area';
const LABELS: Record<string, string> = { receivingTeam: 'Receiving team', receivingService: 'Receiving service', reason: 'Reason for the transfer', episode: 'Episode of care' };

/**
 * Transferring a person's care from the record: choose the receiving team (or name a service in
 * another area), say why, and see the handover packet the receiving team will get, with anything
 * missing called out. The episode stays open until the receiving side accepts.
 */
export function TransferCarePage() {
  const { id = '', episodeId = '' } = useParams();
  const navigate = useNavigate();
  const state = useApiResource<TransferPreviewResponse>(`/api/people/${encodeURIComponent(id)}/transfers/preview?episode=${encodeURIComponent(episodeId)}`);
  const [team, setTeam] = useState('');
  const [service, setService] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const back = (
    <BackLink asElement={Link} to={`/people/${encodeURIComponent(id)}`}>
      Back to the record
    </BackLink>
  );

  if (state.status === 'loading' || state.status === 'idle') return <Loading what="the handover packet" />;
  if (state.status === 'failed') return <ProblemPage problem={state.problem} title={state.problem.status === 403 ? 'You cannot transfer this person' : 'The transfer could not be prepared'} />;
  const preview = state.data;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: FormError[] = [];
    if (!team) missing.push({ fieldId: 'receivingTeam', message: 'Choose the receiving team, or another area' });
    if (team === OUT_OF_AREA && !service.trim()) missing.push({ fieldId: 'receivingService', message: 'Name the receiving service in the other area' });
    if (!reason.trim()) missing.push({ fieldId: 'reason', message: 'Say why the person’s care is moving' });
    if (missing.length) return setErrors(missing);
    setBusy(true);
    try {
      const body = { episode: episodeId, reason: reason.trim(), ...(team === OUT_OF_AREA ? { receivingService: service.trim() } : { receivingTeam: team }) };
      const saved = await api.post<ShownTransfer>(`/api/people/${encodeURIComponent(id)}/transfers`, body);
      navigate(`/people/${encodeURIComponent(id)}/transfers/${encodeURIComponent(saved.id)}`);
    } catch (problem) {
      const p = problem instanceof ApiProblem ? problem : new ApiProblem(0, 'unexpected', 'The transfer could not be proposed. Please try again.');
      setErrors(p.fields.length ? p.fields.map((f) => ({ fieldId: f.field in LABELS && f.field !== 'episode' ? f.field : undefined, message: `${LABELS[f.field] ?? f.field} ${f.message}` })) : [{ message: p.message }]);
    } finally {
      setBusy(false);
    }
  }

  const title = 'Transfer care';
  if (preview.pending) {
    const to = preview.pending.receivingTeam?.name ?? preview.pending.receivingService;
    return (
      <>
        {back}
        <PageHeading title={title} caption="Transfer of care">
          {title}
        </PageHeading>
        <p className="nhsuk-body">
          <strong className="nhsuk-tag nhsuk-tag--yellow">Transfer pending</strong> A transfer to {to} was proposed on {formatDate(preview.pending.requestedAt)} and is waiting for a decision. The person stays with
          this team until it is accepted.
        </p>
        <p className="nhsuk-body">
          <Link to={`/people/${encodeURIComponent(id)}/transfers/${encodeURIComponent(preview.pending.id)}`}>See the transfer and its handover packet</Link>
        </p>
      </>
    );
  }
  return (
    <>
      {back}
      <FormErrors errors={errors} />
      <PageHeading title={errors.length ? `Error: ${title}` : title} caption="Transfer of care">
        {title}
      </PageHeading>
      <p className="nhsuk-body">
        The person stays on this team’s caseload, and the episode stays open, until the receiving team accepts them. The receiving team sees the
        handover packet below as it stands when you send it.
      </p>
      <form onSubmit={submit} noValidate aria-label="Transfer care">
        <Select id="receivingTeam" name="receivingTeam" label={LABELS.receivingTeam} value={team} error={errorFor(errors, 'receivingTeam')} onChange={(e) => setTeam(e.currentTarget.value)}>
          <Select.Option value="">Choose a team</Select.Option>
          {preview.teams.map((t) => (
            <Select.Option key={t.id} value={t.id}>
              {t.name}
            </Select.Option>
          ))}
          <Select.Option value={OUT_OF_AREA}>Another area (a service not in Continuity)</Select.Option>
        </Select>
        {team === OUT_OF_AREA ? (
          <TextInput id="receivingService" name="receivingService" label={LABELS.receivingService} hint="The team and trust taking the person on, for example Leeds East CMHT, Leeds and York Partnership." value={service} error={errorFor(errors, 'receivingService')} onChange={(e) => setService(e.currentTarget.value)} />
        ) : null}
        <Textarea id="reason" name="reason" label={LABELS.reason} rows={3} maxLength={4000} value={reason} error={errorFor(errors, 'reason')} onChange={(e) => setReason(e.currentTarget.value)} />
        <HandoverPacketView packet={preview.packet} />
        <Button type="submit" disabled={busy}>
          Propose the transfer
        </Button>
      </form>
    </>
  );
}
