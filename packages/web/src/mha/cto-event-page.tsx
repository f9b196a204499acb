import { Button, Radios, TextInput } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api, ApiProblem } from '../api/client.ts';
import type { LegalStatusEntry } from '../api/types.ts';
import { useApiResource } from '../api/use-api-resource.ts';
import { formatDate } from '../format/dates.ts';
import { fullName } from '../format/people.ts';
import { errorFor, errorsFromProblem, type FormError } from '../forms/form-errors.tsx';
import { returnPath } from '../forms/return-path.ts';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import { AccessRefused } from '../people/access-refused.tsx';
import { usePersonRecord } from '../people/use-person-record.ts';
// By path, not the domain's index: only the Act's rules and the calendar, not the validators, go into the app.
import { ctoEventKinds, renewedExpiry, type CtoEventKind } from '../../../domain/src/mha/cto-events.ts';
import { isoDay, londonDay, londonToday } from '../../../domain/src/engagement/london-calendar.ts';
import { FormPageTop } from '../forms/form-page-top.tsx';

const FIELDS = ['kind', 'date', 'expires'] as const;
type Field = (typeof FIELDS)[number];
const LABELS: Record<Field, string> = { kind: 'What happened', date: 'Date', expires: 'New expiry date' };
const HINTS: Record<CtoEventKind, string> = {
  renewal: 'The day the responsible clinician renewed it: in the 2 months before it expired, and no later than its expiry date.',
  recall: 'The day the person was recalled to hospital (section 17E). The CTO stays in force.',
  revocation: 'The day the CTO was revoked (section 17F): the CTO ends and the person is detained under section 3 again from that day.',
  discharge: 'The day the person was discharged from the CTO (section 23).',
};

/**
 * Recording what happened to a Community Treatment Order: a renewal (with its new expiry date,
 * offered as the longest the Act allows), a recall, a revocation or a discharge. The server checks
 * the days against the CTO and the Act and refuses a change to a CTO someone changed since this
 * page loaded. On success the user goes back to where they came from (the record, or the
 * mha-deadlines list), which says what was recorded.
 */
export function CtoEventPage() {
  const { id = '', flag = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { state, reload } = usePersonRecord(id);
  const mha = useApiResource<{ legalStatuses: LegalStatusEntry[] }>(state.status === 'loaded' ? `/api/people/${encodeURIComponent(id)}/mha` : null);
  const [form, setForm] = useState<Record<Field, string>>({ kind: '', date: londonToday(), expires: '' });
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const back = returnPath(params.get('returnTo'), id);

  // The legal status is asked for only once the record has opened, so a refusal is shown, not waited on.
  if (state.status === 'refused') return <AccessRefused personId={id} problem={state.problem} onGranted={reload} />;
  if (state.status === 'failed') return <ProblemPage problem={state.problem} title="The record could not be shown" />;
  if (state.status === 'loading' || mha.status === 'loading' || mha.status === 'idle') return <Loading what="the record" />;
  if (mha.status === 'failed') return <ProblemPage problem={mha.problem} title="The legal status could not be shown" />;
  const cto = mha.data.legalStatuses.find((s) => s.id === flag && s.kind === 'cto');
  if (!cto) return <ProblemPage problem={new ApiProblem(404, 'not-found', 'This person has no Community Treatment Order with that id.')} title="No such Community Treatment Order" />;
  const person = state.record.person;
  const name = fullName(person.name.given, person.name.family);
  const start = londonDay(cto.start);
  const expiry = londonDay(cto.expires);
  const longestRenewal = start !== undefined && expiry !== undefined ? isoDay(renewedExpiry(start, expiry)) : '';
  const set = (field: Field) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [field]: e.currentTarget.value });
  const chooseKind = (e: { currentTarget: { value: string } }) =>
    setForm({ ...form, kind: e.currentTarget.value, expires: e.currentTarget.value === 'renewal' ? form.expires || longestRenewal : '' });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!form.kind) return setErrors([{ fieldId: 'kind', message: 'Choose what happened' }]);
    setBusy(true);
    const kind = form.kind as CtoEventKind;
    const body: Record<string, unknown> = { version: cto!.version, kind, date: form.date.trim() };
    if (kind === 'renewal') body.expires = form.expires.trim();
    try {
      await api.post(`/api/people/${encodeURIComponent(id)}/mha/ctos/${encodeURIComponent(flag)}/events`, body);
      const said = kind === 'renewal' ? `Community Treatment Order renewed for ${name} on ${formatDate(form.date)}: it now expires on ${formatDate(form.expires)}.` : `${ctoEventKinds[kind]} on ${formatDate(form.date)}: recorded for ${name}.`;
      navigate(back, { state: { confirmation: said } });
    } catch (problem) {
      setErrors(errorsFromProblem(problem, 'This could not be recorded. Please try again.', (f) => ((FIELDS as readonly string[]).includes(f) ? { id: f, label: LABELS[f as Field] } : undefined)));
    } finally {
      setBusy(false);
    }
  }

  const title = `Record a change to ${name}’s Community Treatment Order`;
  return (
    <>
      <FormPageTop back={back} errors={errors} title={title} caption={name}>
        Record a change to the Community Treatment Order
      </FormPageTop>
      <p className="nhsuk-body">
        On a CTO since {formatDate(cto.start)}; {cto.expires ? `it expires on ${formatDate(cto.expires)} unless renewed.` : 'no expiry date is recorded.'} A renewal lasts 6 months
        the first time, then a year at a time.
      </p>
      <form onSubmit={submit} noValidate aria-label="Record a change to the Community Treatment Order">
        <Radios name="kind" legend={LABELS.kind} legendProps={{ size: 's' }} error={errorFor(errors, 'kind')}>
          {(Object.entries(ctoEventKinds) as Array<[CtoEventKind, string]>).map(([code, label], i) => (
            <Radios.Item key={code} id={i === 0 ? 'kind' : `kind-${code}`} value={code} checked={form.kind === code} onChange={chooseKind} hint={HINTS[code]}>
              {label}
            </Radios.Item>
          ))}
        </Radios>
        <TextInput id="date" name="date" type="date" label={LABELS.date} hint="The day it happened: today or earlier." width={10} value={form.date} error={errorFor(errors, 'date')} onChange={set('date')} />
        {form.kind === 'renewal' ? (
          <TextInput
            id="expires"
            name="expires"
            type="date"
            label={LABELS.expires}
            hint={longestRenewal ? `The last day of the renewed order: at the latest ${formatDate(longestRenewal)}.` : 'The last day of the renewed order.'}
            width={10}
            value={form.expires}
            error={errorFor(errors, 'expires')}
            onChange={set('expires')}
          />
        ) : null}
        <Button type="submit" disabled={busy}>
          Record it
        </Button>
      </form>
    </>
  );
}
