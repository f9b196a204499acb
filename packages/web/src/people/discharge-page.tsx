import { BackLink, Button, Select, Textarea, TextInput } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, ApiProblem } from '../api/client.ts';
import { formatDate } from '../format/dates.ts';
import { FormErrors, errorFor, type FormError } from '../forms/form-errors.tsx';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import { AccessRefused } from './access-refused.tsx';
import { usePersonRecord } from './use-person-record.ts';
// By path, not the domain's index: only this code list, not the validators, goes into the app.
import { dischargeReasons } from '../../../domain/src/fhir/clinical-codes.ts';

const FIELDS = ['reason', 'end', 'mdtDecisionDate', 'relapseIndicators', 'harmsIfMissed', 'routeBack'] as const;
type Field = (typeof FIELDS)[number];
const LABELS: Record<Field, string> = {
  reason: 'Reason',
  end: 'Discharge date',
  mdtDecisionDate: 'Date of the MDT decision',
  relapseIndicators: 'Relapse indicators',
  harmsIfMissed: 'Known harms if a relapse is missed',
  routeBack: 'Route back in',
};

/**
 * Ending an episode of care, through the discharge guard. The server decides; this page shows its
 * answer field by field, in the words the guard uses, so the clinician knows what to do instead.
 */
export function DischargePage() {
  const { id = '', episodeId = '' } = useParams();
  const navigate = useNavigate();
  const { state, reload } = usePersonRecord(id);
  const [form, setForm] = useState<Record<Field, string>>({ reason: '', end: '', mdtDecisionDate: '', relapseIndicators: '', harmsIfMissed: '', routeBack: '' });
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const set = (field: Field) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [field]: e.currentTarget.value });

  if (state.status === 'loading') return <Loading what="the record" />;
  if (state.status === 'refused') return <AccessRefused personId={id} problem={state.problem} onGranted={reload} />;
  if (state.status === 'failed') return <ProblemPage problem={state.problem} title="The record could not be shown" />;
  const person = state.record.person;
  const episode = person.episodes.find((e) => e.id === episodeId);
  const name = [person.name.given, person.name.family].filter(Boolean).join(' ') || 'this person';
  if (!episode) return <ProblemPage problem={new ApiProblem(404, 'not-found', 'This person has no episode of care with that id.')} title="No such episode of care" />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const body: Record<string, unknown> = { episode: episodeId, version: episode!.version };
    for (const field of FIELDS) if (form[field].trim()) body[field] = form[field].trim();
    try {
      await api.post(`/api/people/${encodeURIComponent(id)}/discharge`, body);
      // Discharge ends the team's access to the record: next is the summary for the GP.
      navigate(`/people/${encodeURIComponent(id)}/gp-summary?episode=${encodeURIComponent(episodeId)}`);
    } catch (problem) {
      const p = problem instanceof ApiProblem ? problem : new ApiProblem(0, 'unexpected', 'The discharge could not be recorded. Please try again.');
      const onFields = p.fields.filter((f) => (FIELDS as readonly string[]).includes(f.field));
      setErrors(onFields.length ? onFields.map((f) => ({ fieldId: f.field, message: f.field === 'reason' || /^[A-Z]/.test(f.message) ? f.message : `${LABELS[f.field as Field]} ${f.message}` })) : [{ message: p.message }]);
    } finally {
      setBusy(false);
    }
  }

  const title = `Discharge ${name} from ${episode.team ?? 'the team'}`;
  return (
    <>
      <BackLink asElement={Link} to={`/people/${encodeURIComponent(id)}`}>
        Back to the record
      </BackLink>
      <FormErrors errors={errors} />
      <PageHeading title={errors.length ? `Error: ${title}` : title} caption={`With the team since ${formatDate(episode.start)}`}>
        {title}
      </PageHeading>
      <p className="nhsuk-body">
        For a person with severe and relapsing illness, discharge is an MDT decision, recorded with their relapse indicators, the known harms if a
        relapse is missed, and the route back in. Not attending is never a reason to discharge them: it is a reason to reach out.
      </p>
      <form onSubmit={submit} noValidate aria-label="Discharge">
        <Select id="reason" name="reason" label={LABELS.reason} value={form.reason} error={errorFor(errors, 'reason')} onChange={set('reason')}>
          <Select.Option value="">Choose a reason</Select.Option>
          {Object.entries(dischargeReasons).map(([code, label]) => (
            <Select.Option key={code} value={code}>
              {label}
            </Select.Option>
          ))}
        </Select>
        <TextInput id="end" name="end" type="date" label={LABELS.end} hint="Leave empty for today." width={10} value={form.end} error={errorFor(errors, 'end')} onChange={set('end')} />
        <TextInput id="mdtDecisionDate" name="mdtDecisionDate" type="date" label={LABELS.mdtDecisionDate} width={10} value={form.mdtDecisionDate} error={errorFor(errors, 'mdtDecisionDate')} onChange={set('mdtDecisionDate')} />
        <Textarea id="relapseIndicators" name="relapseIndicators" label={LABELS.relapseIndicators} hint="The person's own early signs of relapse, in words a colleague who has never met them will recognise." rows={3} maxLength={4000} value={form.relapseIndicators} error={errorFor(errors, 'relapseIndicators')} onChange={set('relapseIndicators')} />
        <Textarea id="harmsIfMissed" name="harmsIfMissed" label={LABELS.harmsIfMissed} hint="What has happened before when a relapse was not responded to promptly." rows={3} maxLength={4000} value={form.harmsIfMissed} error={errorFor(errors, 'harmsIfMissed')} onChange={set('harmsIfMissed')} />
        <Textarea id="routeBack" name="routeBack" label={LABELS.routeBack} hint="Who can ask for help (the person, family, GP), how, and how quickly they will be seen." rows={3} maxLength={4000} value={form.routeBack} error={errorFor(errors, 'routeBack')} onChange={set('routeBack')} />
        <Button type="submit" disabled={busy}>
          Record the discharge
        </Button>
      </form>
    </>
  );
}
