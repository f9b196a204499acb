import { Button, Radios, Textarea } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../api/client.ts';
import { newContactId } from '../contacts/contact-id.ts';
import { fullName } from '../format/people.ts';
import { errorFor, errorsFromProblem, type FormError } from '../forms/form-errors.tsx';
import { FormPageTop } from '../forms/form-page-top.tsx';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import { AccessRefused } from '../people/access-refused.tsx';
import { usePersonRecord } from '../people/use-person-record.ts';
import { assetNeeds } from '../../../domain/src/community-assets/asset-lists.ts';
import { accessibilityText, AssetSearchFields, distanceText, needsText, useAssetSearch } from './asset-search.tsx';

const LABELS: Record<string, string> = { assetId: 'Service', need: 'Need', reason: 'What the referral is for' };
const fieldOf = (apiField: string) => (LABELS[apiField] ? { id: apiField === 'assetId' ? 'assetId' : apiField, label: LABELS[apiField]! } : undefined);

/**
 * Referring a person to a community asset from their care plan (docs/community-assets.md): find a
 * service by need and distance from a postcode, choose it, say what it is for (the partner sees
 * these words, the person's name and phone number, nothing else), and send. Back to the care plan,
 * which shows the referral and its status.
 */
export function ReferToAssetPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { state, reload } = usePersonRecord(id);
  const { results, search } = useAssetSearch();
  const [referralId] = useState(newContactId);
  const [form, setForm] = useState({ assetId: '', need: '', reason: '' });
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const back = `/people/${encodeURIComponent(id)}/plans/care-plan`;

  if (state.status === 'refused') return <AccessRefused personId={id} problem={state.problem} onGranted={reload} />;
  if (state.status === 'failed') return <ProblemPage problem={state.problem} title="The record could not be shown" />;
  if (state.status === 'loading') return <Loading what="the record" />;
  const name = fullName(state.record.person.name.given, state.record.person.name.family);
  const assets = results.status === 'loaded' ? results.data.assets : [];
  const chosen = assets.find((a) => a.id === form.assetId);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FormError[] = [
      ...(form.assetId ? [] : [{ fieldId: 'assetId', message: 'Choose a service: search first if none is listed' }]),
      ...(form.need ? [] : [{ fieldId: 'need', message: 'Choose the need the referral is about' }]),
      ...(form.reason.trim() ? [] : [{ fieldId: 'reason', message: 'Say what the referral is for' }]),
    ];
    if (found.length) return setErrors(found);
    setBusy(true);
    try {
      await api.post(`/api/people/${encodeURIComponent(id)}/community-referrals`, { referralId, ...form });
      navigate(back, { state: { confirmation: `Referral of ${name} to ${chosen?.name ?? 'the service'} sent.` } });
    } catch (problem) {
      setErrors(errorsFromProblem(problem, 'The referral could not be sent. Please try again.', fieldOf));
      setBusy(false);
    }
  }

  const title = 'Refer to a community service';
  return (
    <>
      <FormPageTop back={back} errors={errors} title={`${title}, ${name}`} caption={name}>
        {title}
      </FormPageTop>
      <form onSubmit={submit} noValidate aria-label={title}>
        <AssetSearchFields onSearch={search} />
        <div role="status">
          {results.status === 'loaded' ? (
            <p className="nhsuk-body">
              {assets.length} {assets.length === 1 ? 'service found' : 'services found'}
              {results.data.from && !results.data.from.located ? `; the place of ${results.data.from.postcode} is not known, so they are listed by name` : ''}.
            </p>
          ) : null}
        </div>
        {results.status === 'failed' ? <p className="nhsuk-body">{results.problem.message}</p> : null}
        {results.status === 'loading' ? <Loading what="services" /> : null}
        {assets.length > 0 ? (
          <Radios name="assetId" legend={LABELS.assetId} legendProps={{ size: 'm' }} error={errorFor(errors, 'assetId')}>
            {assets.map((a, i) => (
              <Radios.Item
                key={a.id}
                id={i === 0 ? 'assetId' : `assetId-${a.id}`}
                value={a.id}
                checked={form.assetId === a.id}
                onChange={() => setForm({ ...form, assetId: a.id, need: a.needs.includes(form.need) ? form.need : (a.needs[0] ?? '') })}
                hint={[distanceText(a.distanceKm), needsText(a.needs), a.openingTimes, a.languages.length ? `Languages: ${a.languages.join(', ')}` : null, a.accessibility.length ? accessibilityText(a.accessibility) : null, a.eligibility ? `For: ${a.eligibility}` : null]
                  .filter(Boolean)
                  .join('. ')}
              >
                {a.name}
              </Radios.Item>
            ))}
          </Radios>
        ) : (
          <p className="nhsuk-body" id="assetId" tabIndex={-1}>
            {errorFor(errors, 'assetId') ?? 'Search to list services.'}
          </p>
        )}
        {chosen ? (
          <Radios name="need" legend={LABELS.need} legendProps={{ size: 's' }} error={errorFor(errors, 'need')}>
            {chosen.needs.map((code, i) => (
              <Radios.Item key={code} id={i === 0 ? 'need' : `need-${code}`} value={code} checked={form.need === code} onChange={() => setForm({ ...form, need: code })}>
                {(assetNeeds as Record<string, string>)[code] ?? code}
              </Radios.Item>
            ))}
          </Radios>
        ) : null}
        <Textarea
          id="reason"
          name="reason"
          label={LABELS.reason}
          hint="The service sees these words with the person’s name and phone number, and nothing else from their record. Write only what they need to know. At most 500 characters."
          rows={4}
          value={form.reason}
          error={errorFor(errors, 'reason')}
          onChange={(e) => setForm({ ...form, reason: e.currentTarget.value })}
        />
        <Button type="submit" disabled={busy}>
          Send the referral
        </Button>
      </form>
    </>
  );
}
