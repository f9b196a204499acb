import { Button, Checkboxes, Textarea, TextInput } from 'nhsuk-react-components';
import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../api/client.ts';
import { useApiResource } from '../api/use-api-resource.ts';
import { newContactId } from '../contacts/contact-id.ts';
import { fullName } from '../format/people.ts';
import { errorsFromProblem, errorFor, type FormError } from '../forms/form-errors.tsx';
import { FormPageTop } from '../forms/form-page-top.tsx';
import { Loading, NotFoundPage, ProblemPage } from '../layout/status-pages.tsx';
import { AccessRefused } from '../people/access-refused.tsx';
import { usePersonRecord } from '../people/use-person-record.ts';
import { isPlanKind, planEntry, planKinds, type PlanKindCode } from '../../../domain/src/plans/plan-kinds.ts';
import { currentPlanOf, type HeldPlan, type PersonPlansResponse } from './plan-types.ts';

interface PlanForm {
  sections: Record<string, { text: string; ownWords: boolean }>;
  madeWithPerson: boolean;
  carers: string[];
  coProducedWith: string;
  crisisContact: string;
  contactFrequencyDays: string;
  goals: string;
}

function formFrom(kind: PlanKindCode, plan: HeldPlan | undefined): PlanForm {
  const sections: PlanForm['sections'] = {};
  for (const s of planKinds[kind].sections) {
    const held = plan?.sections.find((h) => h.section === s.code);
    sections[s.code] = { text: held?.text ?? '', ownWords: held?.personsOwnWords ?? false };
  }
  return {
    sections,
    madeWithPerson: plan ? plan.madeWithPerson : true,
    carers: plan?.carers.map((c) => c.id) ?? [],
    coProducedWith: plan?.coProducedWith ?? '',
    crisisContact: plan?.crisisContact ?? '',
    contactFrequencyDays: plan?.contactFrequencyDays ? String(plan.contactFrequencyDays) : '',
    goals: plan?.goals.map((g) => g.text).join('\n') ?? '',
  };
}

/** The form's field for each field the API names. Sections are sent in the kind's order, so an index is a section. */
function fieldOf(kind: PlanKindCode) {
  return (apiField: string): { id: string; label: string } | undefined => {
    const section = /^sections\.(\d+)\./.exec(apiField);
    if (section) {
      const s = planKinds[kind].sections[Number(section[1])];
      return s ? { id: `section-${s.code}`, label: s.label } : undefined;
    }
    if (apiField === 'sections') return { id: `section-${planKinds[kind].sections[0]!.code}`, label: 'The plan' };
    if (apiField.startsWith('goals')) return { id: 'goals', label: 'Goals' };
    if (apiField.startsWith('carers')) return { id: 'madeWithPerson', label: 'A carer' };
    const named: Record<string, string> = { crisisContact: 'Crisis contact', contactFrequencyDays: 'Contact frequency', coProducedWith: 'Anyone else it was made with', keyWorker: 'The key worker' };
    return named[apiField] ? { id: apiField, label: named[apiField]! } : undefined;
  };
}

/**
 * Write or edit one kind of plan with the person (docs/plans.md): each section in words, with a box
 * to say when they are the person's own words, who it was made with, and for the care plan the goals
 * and how often contact was agreed. An edit names the version opened: if someone saved since, the
 * API refuses and says who and when.
 */
export function PlanFormPage() {
  const { id = '', kind = '' } = useParams();
  const navigate = useNavigate();
  const { state, reload } = usePersonRecord(id);
  const base = `/api/people/${encodeURIComponent(id)}/plans`;
  const plans = useApiResource<PersonPlansResponse>(state.status === 'loaded' ? base : null);
  const current = plans.status === 'loaded' && isPlanKind(kind) ? currentPlanOf(plans.data.plans, kind) : undefined;
  const [form, setForm] = useState<PlanForm | undefined>();
  const [planId] = useState(newContactId);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (plans.status === 'loaded' && isPlanKind(kind)) setForm(formFrom(kind, current));
  }, [plans.status, kind, current?.id, current?.version]);

  if (!isPlanKind(kind)) return <NotFoundPage />;
  if (state.status === 'loading') return <Loading what="the record" />;
  if (state.status === 'refused') return <AccessRefused personId={id} problem={state.problem} onGranted={reload} />;
  if (state.status === 'failed') return <ProblemPage problem={state.problem} title="The record could not be shown" />;
  if (plans.status === 'failed') return <ProblemPage problem={plans.problem} title="The plan could not be shown" />;
  if (plans.status !== 'loaded' || !form) return <Loading what="the plan" />;
  const kindCode: PlanKindCode = kind;
  const planKind = planKinds[kindCode];
  const label = planKind.label.toLowerCase();
  const name = fullName(state.record.person.name.given, state.record.person.name.family);
  const page = `/people/${encodeURIComponent(id)}/plans/${kind}`;
  const { keyWorker, carers } = plans.data;
  const setSection = (code: string, change: Partial<PlanForm['sections'][string]>) => setForm({ ...form, sections: { ...form.sections, [code]: { ...form.sections[code]!, ...change } } });
  const setText = (key: 'coProducedWith' | 'crisisContact' | 'contactFrequencyDays' | 'goals') => (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const fields = {
      sections: planKind.sections.map((s) => ({ section: s.code, text: form!.sections[s.code]!.text, personsOwnWords: form!.sections[s.code]!.ownWords })),
      madeWithPerson: form!.madeWithPerson,
      carers: form!.carers,
      coProducedWith: form!.coProducedWith,
      ...(planKind.namesKeyWorkerAndCrisisContact ? { crisisContact: form!.crisisContact } : {}),
      ...(planKind.setsContactFrequency ? { contactFrequencyDays: form!.contactFrequencyDays } : {}),
      ...(planKind.hasGoals ? { goals: form!.goals.split('\n') } : {}),
    };
    try {
      const saved = current
        ? await api.post<{ plan: { version: number } }>(`${base}/${encodeURIComponent(current.id)}`, { version: current.version, ...fields })
        : await api.post<{ plan: { version: number } }>(base, { planId, kind, ...fields });
      navigate(page, { state: { confirmation: `${planKind.label} saved for ${name}: version ${saved.plan.version}.` } });
    } catch (problem) {
      setErrors(errorsFromProblem(problem, 'The plan could not be saved. Please try again.', fieldOf(kindCode)));
    } finally {
      setBusy(false);
    }
  }

  const heading = current ? `Edit the ${label}` : `Write a ${label}`;
  return (
    <>
      <FormPageTop back={page} errors={errors} title={`${heading} for ${name}`} caption={name}>
        {heading}
      </FormPageTop>
      <p className="nhsuk-body">{planKind.intro} Write it with {name}. Tick the box under a section when it is in their own words: it is kept exactly as said and shown as a quotation.</p>
      {current ? <p className="nhsuk-body">Saving makes version {current.version + 1}; version {current.version} and earlier stay readable.</p> : null}
      <form onSubmit={submit} noValidate aria-label={heading}>
        {planKind.sections.map((s) => (
          <div key={s.code} className="nhsuk-form-group">
            <Textarea
              id={`section-${s.code}`}
              name={s.code}
              label={s.label}
              labelProps={{ size: 's' }}
              hint={s.hint}
              rows={4}
              maxLength={planEntry.sectionMaxLength}
              value={form.sections[s.code]!.text}
              error={errorFor(errors, `section-${s.code}`)}
              onChange={(e) => setSection(s.code, { text: e.currentTarget.value })}
            />
            <Checkboxes small>
              <Checkboxes.Item id={`own-words-${s.code}`} checked={form.sections[s.code]!.ownWords} onChange={(e) => setSection(s.code, { ownWords: e.currentTarget.checked })}>
                {s.label}: these are {name}’s own words
              </Checkboxes.Item>
            </Checkboxes>
          </div>
        ))}
        {planKind.hasGoals ? (
          <Textarea id="goals" name="goals" label="Goals" labelProps={{ size: 's' }} hint={`One a line, in ${name}’s words. At most ${planEntry.goalsMax}.`} rows={4} value={form.goals} error={errorFor(errors, 'goals')} onChange={setText('goals')} />
        ) : null}
        {planKind.setsContactFrequency ? (
          <TextInput
            id="contactFrequencyDays"
            name="contactFrequencyDays"
            label="Contact agreed: at least every how many days?"
            labelProps={{ size: 's' }}
            hint={`From ${planEntry.contactFrequencyDays.min} to ${planEntry.contactFrequencyDays.max} days. The disengaged list counts from this.`}
            inputMode="numeric"
            width={3}
            suffix="days"
            value={form.contactFrequencyDays}
            error={errorFor(errors, 'contactFrequencyDays')}
            onChange={setText('contactFrequencyDays')}
          />
        ) : null}
        {planKind.namesKeyWorkerAndCrisisContact ? (
          <>
            <p className="nhsuk-body app-focus-target" id="keyWorker" tabIndex={-1}>
              {keyWorker ? `Key worker named on the plan: ${keyWorker.name} (from the open episode of care).` : `${name} has no key worker on an open episode of care: allocate one before saving this plan.`}
            </p>
            <TextInput id="crisisContact" name="crisisContact" label="Crisis contact" labelProps={{ size: 's' }} hint={`Whom ${name} contacts in a crisis, and how.`} maxLength={planEntry.crisisContactMaxLength} value={form.crisisContact} error={errorFor(errors, 'crisisContact')} onChange={setText('crisisContact')} />
          </>
        ) : null}
        <Checkboxes legend="Who was it made with?" legendProps={{ size: 's' }} hint="Everyone who took part. You are recorded as having saved it." error={errorFor(errors, 'madeWithPerson')}>
          <Checkboxes.Item id="madeWithPerson" checked={form.madeWithPerson} onChange={(e) => setForm({ ...form, madeWithPerson: e.currentTarget.checked })}>
            {name}
          </Checkboxes.Item>
          {carers.map((carer) => (
            <Checkboxes.Item
              key={carer.id}
              id={`carer-${carer.id}`}
              checked={form.carers.includes(carer.id)}
              onChange={(e) => setForm({ ...form, carers: e.currentTarget.checked ? [...form.carers, carer.id] : form.carers.filter((c) => c !== carer.id) })}
            >
              {carer.name} (carer)
            </Checkboxes.Item>
          ))}
        </Checkboxes>
        <TextInput id="coProducedWith" name="coProducedWith" label="Anyone else it was made with (optional)" labelProps={{ size: 's' }} hint="For example an advocate or a friend." maxLength={planEntry.coProducedWithMaxLength} value={form.coProducedWith} error={errorFor(errors, 'coProducedWith')} onChange={setText('coProducedWith')} />
        <Button type="submit" disabled={busy}>
          Save the {label}
        </Button>
      </form>
    </>
  );
}
