import { Button, Checkboxes, Radios, Select } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api/client.ts';
import { useApiResource } from '../api/use-api-resource.ts';
import { formatDate } from '../format/dates.ts';
import { errorFor, errorsFromProblem, FormErrors, type FormError } from '../forms/form-errors.tsx';
import type { Coded, SharingResponse, SharingWish } from './partner-types.ts';

const LABELS = { organisationId: 'Partner organisation', decision: 'What the person said', objections: 'They object to sharing' } as const;

/**
 * "Sharing with partners" on the person record: each partner organisation linked to the person,
 * what they said about sharing with it, and what it sees today under the agreements in force.
 * Staff link a partner and record or change the person's wishes here.
 */
export function SharingSection({ personId }: { personId: string }) {
  const [refresh, setRefresh] = useState(0);
  const [saved, setSaved] = useState('');
  const state = useApiResource<SharingResponse>(`/api/people/${encodeURIComponent(personId)}/sharing`, refresh);
  const done = (message: string) => {
    setSaved(message);
    setRefresh((n) => n + 1);
  };
  return (
    <section aria-labelledby="sharing-heading" className="app-record-section">
      <h2 className="nhsuk-heading-m" id="sharing-heading">Sharing with partners</h2>
      <div role="status">{saved ? <p className="nhsuk-inset-text app-confirmation">{saved}</p> : null}</div>
      {state.status === 'failed' ? <p className="nhsuk-body">Sharing wishes could not be shown: {state.problem.message}</p> : null}
      {state.status === 'loaded' ? (
        <>
          <p className="nhsuk-body-s">
            A partner sees this person only once linked here, and only what a live <Link to="/sharing-agreements">information-sharing agreement</Link> allows. Where the agreement rests on consent, nothing is shared
            unless the person agreed, and nothing they object to.
          </p>
          {state.data.wishes.length === 0 ? <p className="nhsuk-body">No partner organisation is linked.</p> : null}
          {state.data.wishes.map((wish) => (
            <WishView key={`${wish.id}-${wish.version}`} personId={personId} wish={wish} data={state.data} onSaved={done} />
          ))}
          <LinkPartnerForm key={refresh} personId={personId} data={state.data} onSaved={done} />
        </>
      ) : null}
    </section>
  );
}

const label = (list: Coded[], code: string) => list.find((c) => c.code === code)?.label ?? code;

function WishView({ personId, wish, data, onSaved }: { personId: string; wish: SharingWish; data: SharingResponse; onSaved: (m: string) => void }) {
  const [changing, setChanging] = useState(false);
  const id = `wish-${wish.id}`;
  return (
    <div className="app-sharing-wish">
      <h3 className="nhsuk-heading-s" id={id}>
        {wish.organisation.name} {wish.linked ? null : <strong className="nhsuk-tag nhsuk-tag--grey">No longer linked</strong>}
      </h3>
      <p className="nhsuk-body">
        {label(data.decisions, wish.decision)}
        {wish.objections.length ? `; objects to: ${wish.objections.map((c) => label(data.categories, c).toLowerCase()).join(', ')}` : ''}. Recorded {formatDate(wish.date)} by {wish.recordedBy}.
      </p>
      <p className="nhsuk-body">
        {wish.linked ? (wish.sharedToday.length ? `Sees today: ${wish.sharedToday.map((c) => label(data.categories, c).toLowerCase()).join(', ')}.` : 'Sees nothing today.') : 'Sees nothing.'}
      </p>
      {changing ? (
        <WishForm personId={personId} data={data} wish={wish} onSaved={onSaved} />
      ) : (
        <Button type="button" secondary onClick={() => setChanging(true)}>
          Change<span className="nhsuk-u-visually-hidden"> sharing with {wish.organisation.name}</span>
        </Button>
      )}
    </div>
  );
}

function LinkPartnerForm({ personId, data, onSaved }: { personId: string; data: SharingResponse; onSaved: (m: string) => void }) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <Button type="button" secondary onClick={() => setOpen(true)}>
        Link a partner organisation
      </Button>
    );
  }
  return <WishForm personId={personId} data={data} onSaved={onSaved} />;
}

/** Linking a partner (no `wish`) or changing the wishes for one, on the version read. */
function WishForm({ personId, data, wish, onSaved }: { personId: string; data: SharingResponse; wish?: SharingWish; onSaved: (m: string) => void }) {
  const prefix = wish ? `wish-${wish.id}` : 'new-wish';
  const [consentId] = useState(() => crypto.randomUUID());
  const [organisationId, setOrganisationId] = useState('');
  const [decision, setDecision] = useState(wish?.decision ?? '');
  const [objections, setObjections] = useState<string[]>(wish?.objections ?? []);
  const [linked, setLinked] = useState(wish?.linked ?? true);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const linkedPartners = new Set(data.wishes.map((w) => w.organisation.id));
  const fieldOf = (field: string) => (field in LABELS ? { id: `${prefix}-${field}`, label: LABELS[field as keyof typeof LABELS] } : undefined);
  async function send(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      if (wish) await api.post(`/api/people/${encodeURIComponent(personId)}/sharing/${encodeURIComponent(wish.id)}`, { version: wish.version, decision, objections, linked });
      else await api.post(`/api/people/${encodeURIComponent(personId)}/sharing`, { consentId, organisationId, decision, objections });
      const name = wish?.organisation.name ?? data.partners.find((p) => p.id === organisationId)?.name ?? 'the partner';
      onSaved(`Sharing with ${name} recorded: ${label(data.decisions, decision).toLowerCase()}.`);
    } catch (problem) {
      setErrors(errorsFromProblem(problem, 'The sharing wishes could not be recorded. Please try again.', fieldOf));
      setBusy(false);
    }
  }
  return (
    <form noValidate onSubmit={(e) => void send(e)} aria-label={wish ? `Change sharing with ${wish.organisation.name}` : 'Link a partner organisation'}>
      <FormErrors errors={errors} />
      {wish ? null : (
        <Select id={`${prefix}-organisationId`} label={LABELS.organisationId} value={organisationId} error={errorFor(errors, `${prefix}-organisationId`)} onChange={(e) => setOrganisationId(e.currentTarget.value)}>
          <Select.Option value="">Choose</Select.Option>
          {data.partners.filter((p) => !linkedPartners.has(p.id)).map((p) => (
            <Select.Option key={p.id} value={p.id}>
              {p.name}
            </Select.Option>
          ))}
        </Select>
      )}
      <Radios name={`${prefix}-decision`} legend={LABELS.decision} legendProps={{ size: 's' }} error={errorFor(errors, `${prefix}-decision`)}>
        {data.decisions.map((d, i) => (
          <Radios.Item key={d.code} id={i === 0 ? `${prefix}-decision` : `${prefix}-decision-${d.code}`} value={d.code} checked={decision === d.code} onChange={(e) => setDecision(e.currentTarget.value)}>
            {d.label}
          </Radios.Item>
        ))}
      </Radios>
      <Checkboxes name={`${prefix}-objections`} legend={LABELS.objections} hint="Leave all unticked if they object to none." legendProps={{ size: 's' }} error={errorFor(errors, `${prefix}-objections`)} small>
        {data.categories.filter((c) => c.code !== 'identity').map((c, i) => (
          <Checkboxes.Item key={c.code} id={i === 0 ? `${prefix}-objections` : `${prefix}-objections-${c.code}`} value={c.code} checked={objections.includes(c.code)}
            onChange={(e) => setObjections(e.currentTarget.checked ? [...objections, c.code] : objections.filter((o) => o !== c.code))}>
            {c.label}
          </Checkboxes.Item>
        ))}
      </Checkboxes>
      {wish ? (
        <Checkboxes name={`${prefix}-linked`} legend="Link" legendProps={{ size: 's' }} small>
          <Checkboxes.Item id={`${prefix}-linked`} checked={!linked} onChange={(e) => setLinked(!e.currentTarget.checked)}>
            {wish.organisation.name} is no longer involved: unlink it
          </Checkboxes.Item>
        </Checkboxes>
      ) : null}
      <Button type="submit" disabled={busy}>
        Save sharing wishes
      </Button>
    </form>
  );
}
