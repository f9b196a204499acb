import { Button, Radios, Table, Textarea, TextInput } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../api/client.ts';
import type { CareIntensityEpisode } from '../api/types.ts';
import { useApiResource } from '../api/use-api-resource.ts';
import { useSignedInUser } from '../auth/session-context.tsx';
import { formatDate } from '../format/dates.ts';
import { fullName } from '../format/people.ts';
import { errorFor, errorsFromProblem, type FormError } from '../forms/form-errors.tsx';
import { FormPageTop } from '../forms/form-page-top.tsx';
import { returnPath } from '../forms/return-path.ts';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import { AccessRefused } from '../people/access-refused.tsx';
import { usePersonRecord } from '../people/use-person-record.ts';
// By path, not the domain's index: only the code list goes into the app.
import { careIntensities } from '../../../domain/src/fhir/clinical-codes.ts';
import { londonToday } from '../../../domain/src/engagement/london-calendar.ts';
import { intensiveReviewRules } from '../../../domain/src/intensive-care/intensive-review-rules.ts';

type Intensity = keyof typeof careIntensities;
const FIELDS = ['episodeId', 'intensity', 'reason', 'decidedOn'] as const;
type Field = (typeof FIELDS)[number];
const LABELS: Record<Field, string> = { episodeId: 'Episode of care', intensity: 'Care from now on', reason: 'Why', decidedOn: 'Date decided' };
const words = (intensity: string | null) => (intensity ? careIntensities[intensity as Intensity] ?? intensity : careIntensities.standard);

/**
 * Stepping a person's care up to intensive or assertive community care, or down to core community
 * care, with the reason in words (docs/intensive-care.md). Shows the care each held episode gives
 * now and every change recorded before, with its reason. The server refuses a change to an episode
 * someone changed since this page loaded.
 */
export function CareIntensityPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const user = useSignedInUser();
  const { state, reload } = usePersonRecord(id);
  const loaded = useApiResource<{ episodes: CareIntensityEpisode[]; reasonMinLength: number }>(state.status === 'loaded' ? `/api/people/${encodeURIComponent(id)}/care-intensity` : null);
  const [form, setForm] = useState<Record<Field, string>>({ episodeId: '', intensity: '', reason: '', decidedOn: londonToday() });
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const back = returnPath(params.get('returnTo'), id);

  if (state.status === 'refused') return <AccessRefused personId={id} problem={state.problem} onGranted={reload} />;
  if (state.status === 'failed') return <ProblemPage problem={state.problem} title="The record could not be shown" />;
  if (state.status === 'loading' || loaded.status === 'loading' || loaded.status === 'idle') return <Loading what="the record" />;
  if (loaded.status === 'failed') return <ProblemPage problem={loaded.problem} title="The episodes of care could not be shown" />;
  const person = state.record.person;
  const name = fullName(person.name.given, person.name.family);
  const { episodes, reasonMinLength } = loaded.data;
  const held = episodes.filter((e) => e.held);
  const chosen = held.length === 1 ? held[0] : held.find((e) => e.id === form.episodeId);
  // The form is shown only to those the server lets decide.
  const mayDecide = intensiveReviewRules.stepDeciders.includes(user.role);
  const set = (field: Field) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [field]: e.currentTarget.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: FormError[] = [];
    if (!chosen) missing.push({ fieldId: 'episodeId', message: 'Choose the episode of care' });
    if (!form.intensity) missing.push({ fieldId: 'intensity', message: 'Choose the care from now on' });
    if (missing.length) return setErrors(missing);
    setBusy(true);
    try {
      await api.post(`/api/people/${encodeURIComponent(id)}/care-intensity`, {
        episodeId: chosen!.id, episodeVersion: chosen!.version, intensity: form.intensity, reason: form.reason, decidedOn: form.decidedOn.trim(),
      });
      navigate(back, { state: { confirmation: `${name}’s care is now ${words(form.intensity).toLowerCase()}, from ${formatDate(form.decidedOn)}.` } });
    } catch (problem) {
      setErrors(errorsFromProblem(problem, 'This could not be recorded. Please try again.', (f) => {
        if (f === 'episodeVersion') return undefined;
        return (FIELDS as readonly string[]).includes(f) ? { id: f === 'episodeId' && held.length === 1 ? 'intensity' : f, label: LABELS[f as Field] } : undefined;
      }));
    } finally {
      setBusy(false);
    }
  }

  const title = `Step up or step down care for ${name}`;
  const changed = episodes.filter((e) => e.changes.length > 0);
  return (
    <>
      <FormPageTop back={back} errors={errors} title={title} caption={name}>
        Step up or step down care
      </FormPageTop>
      {held.length === 0 ? (
        <p className="nhsuk-body">No team holds {name} now: care can be stepped up or down only on an episode of care a team holds.</p>
      ) : (
        <ul className="nhsuk-list app-care-now">
          {held.map((e) => (
            <li key={e.id}>
              {e.team.name ?? 'A team'}: <strong>{words(e.intensity)}</strong> (episode of care since {formatDate(e.start)})
            </li>
          ))}
        </ul>
      )}
      {held.length > 0 && mayDecide ? (
        <form onSubmit={submit} noValidate aria-label="Step up or step down care">
          {held.length > 1 ? (
            <Radios name="episodeId" legend={LABELS.episodeId} legendProps={{ size: 's' }} error={errorFor(errors, 'episodeId')}>
              {held.map((e, i) => (
                <Radios.Item key={e.id} id={i === 0 ? 'episodeId' : `episodeId-${e.id}`} value={e.id} checked={form.episodeId === e.id} onChange={set('episodeId')}>
                  {e.team.name ?? 'A team'}, since {formatDate(e.start)}: {words(e.intensity).toLowerCase()}
                </Radios.Item>
              ))}
            </Radios>
          ) : null}
          <Radios name="intensity" legend={LABELS.intensity} legendProps={{ size: 's' }} error={errorFor(errors, 'intensity')}>
            {(Object.entries(careIntensities) as Array<[Intensity, string]>).map(([code, label], i) => (
              <Radios.Item key={code} id={i === 0 ? 'intensity' : `intensity-${code}`} value={code} checked={form.intensity === code} onChange={set('intensity')}>
                {label}
                {chosen && (chosen.intensity ?? 'standard') === code ? ' (now)' : ''}
              </Radios.Item>
            ))}
          </Radios>
          <Textarea
            id="reason"
            name="reason"
            label={LABELS.reason}
            hint={`What the MDT saw and decided, in words (at least ${reasonMinLength} characters). It is kept with the episode and read by the next team.`}
            rows={4}
            maxLength={2000}
            value={form.reason}
            error={errorFor(errors, 'reason')}
            onChange={set('reason')}
          />
          <TextInput id="decidedOn" name="decidedOn" type="date" label={LABELS.decidedOn} hint="Today or earlier." width={10} value={form.decidedOn} error={errorFor(errors, 'decidedOn')} onChange={set('decidedOn')} />
          <Button type="submit" disabled={busy}>
            Record the change
          </Button>
        </form>
      ) : held.length > 0 ? (
        <p className="nhsuk-body">Only the key worker, team manager or prescriber of a team holding {name} can step their care up or down.</p>
      ) : null}
      <h2 className="nhsuk-heading-m">Changes recorded</h2>
      {changed.length === 0 ? (
        <p className="nhsuk-body">No step up or step down has been recorded.</p>
      ) : (
        <Table responsive caption="Steps up and down, oldest first" captionProps={{ className: 'nhsuk-u-visually-hidden' }}>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Date</Table.Cell>
              <Table.Cell>Team</Table.Cell>
              <Table.Cell>Change</Table.Cell>
              <Table.Cell>Why</Table.Cell>
              <Table.Cell>Decided by</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {changed.flatMap((e) =>
              e.changes.map((c, i) => (
                <Table.Row key={`${e.id}-${i}`} className="app-care-intensity-change">
                  <Table.Cell className="app-nowrap">{formatDate(c.date)}</Table.Cell>
                  <Table.Cell>{e.team.name ?? 'A team'}</Table.Cell>
                  <Table.Cell>
                    {words(c.from)} to {words(c.to).toLowerCase()}
                  </Table.Cell>
                  <Table.Cell>{c.reason}</Table.Cell>
                  <Table.Cell>{c.decidedBy}</Table.Cell>
                </Table.Row>
              )),
            )}
          </Table.Body>
        </Table>
      )}
    </>
  );
}
