import { Button, Checkboxes, Select, Textarea, TextInput } from 'nhsuk-react-components';
import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../api/client.ts';
import { useApiResource } from '../api/use-api-resource.ts';
import { useSignedInUser } from '../auth/session-context.tsx';
import { newContactId } from '../contacts/contact-id.ts';
import { errorFor, errorsFromProblem, type FormError } from '../forms/form-errors.tsx';
import { FormPageTop } from '../forms/form-page-top.tsx';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import { assetAccessibility, assetKinds, assetNeeds } from '../../../domain/src/community-assets/asset-lists.ts';
import type { CommunityAsset } from './community-asset-types.ts';

const LABELS: Record<string, string> = {
  name: 'Name', kind: 'Kind of service', needs: 'Needs it serves', eligibility: 'Who it is for', address: 'Address', postcode: 'Postcode', openingTimes: 'Opening times',
  phone: 'Phone', email: 'Email', website: 'Website', accessibility: 'Accessibility', languages: 'Languages',
};
const fieldOf = (apiField: string) => (LABELS[apiField] ? { id: apiField, label: LABELS[apiField]! } : undefined);

type Fields = { name: string; kind: string; needs: string[]; eligibility: string; address: string; postcode: string; openingTimes: string; phone: string; email: string; website: string; accessibility: string[]; languages: string };
const empty: Fields = { name: '', kind: '', needs: [], eligibility: '', address: '', postcode: '', openingTimes: '', phone: '', email: '', website: '', accessibility: [], languages: '' };

function fieldsOf(a: CommunityAsset): Fields {
  return {
    name: a.name, kind: a.kind, needs: a.needs, eligibility: a.eligibility ?? '', address: a.address ?? '', postcode: a.postcode, openingTimes: a.openingTimes ?? '', phone: a.phone ?? '',
    email: a.email ?? '', website: a.website ?? '', accessibility: a.accessibility, languages: a.languages.join(', '),
  };
}

/**
 * Adding or editing a directory entry (docs/community-assets.md). A new entry is kept by the
 * partner's own organisation, or by the staff member's first team; an edit is saved on the version
 * opened, and one saved since is shown as a problem rather than overwritten.
 */
export function AssetFormPage() {
  const { assetId } = useParams();
  const user = useSignedInUser();
  const navigate = useNavigate();
  const held = useApiResource<{ asset: CommunityAsset }>(assetId ? `/api/community-assets/${encodeURIComponent(assetId)}` : null);
  const [newId] = useState(newContactId);
  const [form, setForm] = useState<Fields>(empty);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (held.status === 'loaded') setForm(fieldsOf(held.data.asset));
  }, [held]);

  if (held.status === 'failed') return <ProblemPage problem={held.problem} title="The service could not be shown" />;
  if (assetId && held.status !== 'loaded') return <Loading what="the service" />;
  const asset = held.status === 'loaded' ? held.data.asset : undefined;
  const title = asset ? `Edit ${asset.name}` : 'Add a community service';
  const text = (key: keyof Fields) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value });
  const toggle = (key: 'needs' | 'accessibility', code: string, on: boolean) => setForm({ ...form, [key]: on ? [...form[key], code] : form[key].filter((c) => c !== code) });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const maintainerId = asset ? asset.maintainer.id : user.role === 'partner-agency' ? undefined : user.teams[0]?.id;
    if (!asset && user.role !== 'partner-agency' && !maintainerId) return setErrors([{ message: 'You are in no team, so a new service would be kept by no one: ask a team manager to add it.' }]);
    const body = { ...form, languages: form.languages.split(',').map((l) => l.trim()).filter(Boolean), ...(maintainerId ? { maintainerId } : {}) };
    setBusy(true);
    try {
      const saved = asset
        ? await api.post<{ asset: CommunityAsset }>(`/api/community-assets/${encodeURIComponent(asset.id)}`, { ...body, version: asset.version })
        : await api.post<{ asset: CommunityAsset }>('/api/community-assets', { ...body, assetId: newId });
      navigate('/community-assets', { state: { confirmation: `${saved.asset.name} saved: version ${saved.asset.version}.` } });
    } catch (problem) {
      setErrors(errorsFromProblem(problem, 'The service could not be saved. Please try again.', fieldOf));
      setBusy(false);
    }
  }

  return (
    <>
      <FormPageTop back="/community-assets" errors={errors} title={title}>
        {title}
      </FormPageTop>
      <form onSubmit={submit} noValidate aria-label={title}>
        <TextInput id="name" label={LABELS.name} value={form.name} error={errorFor(errors, 'name')} onChange={text('name')} />
        <Select id="kind" label={LABELS.kind} value={form.kind} error={errorFor(errors, 'kind')} onChange={text('kind')}>
          <Select.Option value="">Choose</Select.Option>
          {Object.entries(assetKinds).map(([code, label]) => (
            <Select.Option key={code} value={code}>
              {label}
            </Select.Option>
          ))}
        </Select>
        <Checkboxes name="needs" legend={LABELS.needs} legendProps={{ size: 's' }} error={errorFor(errors, 'needs')} small>
          {Object.entries(assetNeeds).map(([code, label], i) => (
            <Checkboxes.Item key={code} id={i === 0 ? 'needs' : `needs-${code}`} value={code} checked={form.needs.includes(code)} onChange={(e) => toggle('needs', code, e.currentTarget.checked)}>
              {label}
            </Checkboxes.Item>
          ))}
        </Checkboxes>
        <Textarea id="eligibility" label={LABELS.eligibility} hint="In words, for example: adults living in Bristol." rows={2} value={form.eligibility} error={errorFor(errors, 'eligibility')} onChange={text('eligibility')} />
        <TextInput id="address" label={LABELS.address} value={form.address} error={errorFor(errors, 'address')} onChange={text('address')} />
        <TextInput id="postcode" label={LABELS.postcode} width={10} value={form.postcode} error={errorFor(errors, 'postcode')} onChange={text('postcode')} />
        <TextInput id="openingTimes" label={LABELS.openingTimes} hint="In words, for example: Monday to Friday, 10am to 4pm." value={form.openingTimes} error={errorFor(errors, 'openingTimes')} onChange={text('openingTimes')} />
        <TextInput id="phone" label={LABELS.phone} type="tel" width={20} value={form.phone} error={errorFor(errors, 'phone')} onChange={text('phone')} />
        <TextInput id="email" label={LABELS.email} type="email" value={form.email} error={errorFor(errors, 'email')} onChange={text('email')} />
        <TextInput id="website" label={LABELS.website} hint="Starting https://" value={form.website} error={errorFor(errors, 'website')} onChange={text('website')} />
        <Checkboxes name="accessibility" legend={LABELS.accessibility} legendProps={{ size: 's' }} error={errorFor(errors, 'accessibility')} small>
          {Object.entries(assetAccessibility).map(([code, label], i) => (
            <Checkboxes.Item key={code} id={i === 0 ? 'accessibility' : `accessibility-${code}`} value={code} checked={form.accessibility.includes(code)} onChange={(e) => toggle('accessibility', code, e.currentTarget.checked)}>
              {label}
            </Checkboxes.Item>
          ))}
        </Checkboxes>
        <TextInput id="languages" label={LABELS.languages} hint="Separated by commas, for example: English, Polish." value={form.languages} error={errorFor(errors, 'languages')} onChange={text('languages')} />
        <Button type="submit" disabled={busy}>
          Save the service
        </Button>
      </form>
    </>
  );
}
