import { Button, Checkboxes, Radios, Select, Textarea, TextInput } from 'nhsuk-react-components';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { api } from '../api/client.ts';
import { useApiResource } from '../api/use-api-resource.ts';
import { useConfirmedSubmit } from '../forms/confirmed-submit.ts';
import { errorFor } from '../forms/form-errors.tsx';
import { FormPageTop } from '../forms/form-page-top.tsx';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import type { AgreementsResponse, SharingAgreement } from './partner-types.ts';

const LABELS = {
  title: 'Name of the agreement',
  purpose: 'Purpose: why the parties share',
  partners: 'Partner organisations',
  legalBasis: 'Legal basis',
  categories: 'What is shared',
  startDate: 'Start date',
  reviewDate: 'Review date',
  status: 'Status',
} as const;
type Field = keyof typeof LABELS;
const fieldOf = (apiField: string) => (apiField in LABELS ? { id: apiField, label: LABELS[apiField as Field] } : undefined);

/** Adding or changing an information-sharing agreement (admin and team managers); a change made since the page opened is refused, not overwritten. */
export function AgreementFormPage() {
  const { agreementId } = useParams();
  const state = useApiResource<AgreementsResponse>('/api/sharing-agreements');
  if (state.status === 'failed') return <ProblemPage problem={state.problem} />;
  if (state.status !== 'loaded') return <Loading what="the agreement" />;
  const held = agreementId ? state.data.agreements.find((a) => a.id === agreementId) : undefined;
  if (agreementId && !held) return <ProblemPage problem={new Error('There is no agreement with that id.')} title="Agreement not found" />;
  return <AgreementForm data={state.data} held={held} />;
}

function AgreementForm({ data, held }: { data: AgreementsResponse; held: SharingAgreement | undefined }) {
  const [agreementId] = useState(() => crypto.randomUUID());
  const [form, setForm] = useState({
    title: held?.title ?? '', purpose: held?.purpose ?? '', legalBasis: held?.legalBasis ?? '', partners: held?.partners.map((p) => p.id) ?? [],
    categories: held?.categories ?? ['identity'], startDate: held?.startDate ?? data.today, reviewDate: held?.reviewDate ?? '', status: held?.status ?? 'draft',
  });
  const { errors, busy, submit } = useConfirmedSubmit('/sharing-agreements', fieldOf);
  const title = held ? `Change ${held.title}` : 'Add an information-sharing agreement';
  const text = (key: 'title' | 'purpose' | 'legalBasis' | 'startDate' | 'reviewDate' | 'status') => (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value });
  const toggle = (key: 'partners' | 'categories', code: string, on: boolean) => setForm({ ...form, [key]: on ? [...form[key], code] : form[key].filter((c) => c !== code) });
  const send = async () => {
    if (held) await api.post(`/api/sharing-agreements/${encodeURIComponent(held.id)}`, { version: held.version, ...form });
    else await api.post('/api/sharing-agreements', { agreementId, ...form });
    return `Agreement saved: ${form.title}.`;
  };
  return (
    <>
      <FormPageTop back="/sharing-agreements" errors={errors} title={title}>
        {title}
      </FormPageTop>
      <form noValidate onSubmit={submit(send)}>
        <TextInput id="title" label={LABELS.title} value={form.title} error={errorFor(errors, 'title')} onChange={text('title')} />
        <Textarea id="purpose" label={LABELS.purpose} rows={3} value={form.purpose} error={errorFor(errors, 'purpose')} onChange={text('purpose')} />
        <Checkboxes name="partners" legend={LABELS.partners} legendProps={{ size: 's' }} error={errorFor(errors, 'partners')} small>
          {data.partners.map((p, i) => (
            <Checkboxes.Item key={p.id} id={i === 0 ? 'partners' : `partners-${p.id}`} value={p.id} checked={form.partners.includes(p.id)} onChange={(e) => toggle('partners', p.id, e.currentTarget.checked)}>
              {p.name}
            </Checkboxes.Item>
          ))}
        </Checkboxes>
        <Select id="legalBasis" label={LABELS.legalBasis} value={form.legalBasis} error={errorFor(errors, 'legalBasis')} onChange={text('legalBasis')}>
          <Select.Option value="">Choose</Select.Option>
          {data.legalBases.map((b) => (
            <Select.Option key={b.code} value={b.code}>
              {b.label}
            </Select.Option>
          ))}
        </Select>
        <Checkboxes name="categories" legend={LABELS.categories} hint="Identity is always shared: a partner cannot act on what it cannot tell apart." legendProps={{ size: 's' }} error={errorFor(errors, 'categories')} small>
          {data.categories.map((c, i) => (
            <Checkboxes.Item key={c.code} id={i === 0 ? 'categories' : `categories-${c.code}`} value={c.code} checked={form.categories.includes(c.code)} hint={c.shows} onChange={(e) => toggle('categories', c.code, e.currentTarget.checked)}>
              {c.label}
            </Checkboxes.Item>
          ))}
        </Checkboxes>
        <TextInput id="startDate" label={LABELS.startDate} hint="As YYYY-MM-DD" width={10} value={form.startDate} error={errorFor(errors, 'startDate')} onChange={text('startDate')} />
        <TextInput id="reviewDate" label={LABELS.reviewDate} hint="As YYYY-MM-DD. Sharing stops after this date until the agreement is reviewed." width={10} value={form.reviewDate} error={errorFor(errors, 'reviewDate')} onChange={text('reviewDate')} />
        <Radios name="status" legend={LABELS.status} legendProps={{ size: 's' }} error={errorFor(errors, 'status')}>
          {data.statuses.map((s, i) => (
            <Radios.Item key={s.code} id={i === 0 ? 'status' : `status-${s.code}`} value={s.code} checked={form.status === s.code} onChange={text('status')}>
              {s.label}
            </Radios.Item>
          ))}
        </Radios>
        <Button type="submit" disabled={busy}>
          Save agreement
        </Button>
      </form>
    </>
  );
}
