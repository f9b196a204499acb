import { Button, Select, TextInput } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { escalationLadder } from '../format/domain-rules.ts';
import { FormErrors, errorFor, type FormError } from '../forms/form-errors.tsx';
import { useEscalationPost } from './use-escalation-post.ts';

const IDS = { step: 'task-step', ownerId: 'task-owner', due: 'task-due' };
const NAMES = { step: 'Step', ownerId: 'Owner', due: 'Due date' };

/** Takes on a step of the ladder: what, who owns it (staff of a team holding the person), and by when. */
export function AddStepForm({ personId, staff, suggested, onSaved }: { personId: string; staff: ReadonlyArray<{ id: string; name: string }>; suggested: string | null; onSaved: (what: string) => void }) {
  const [step, setStep] = useState(suggested ?? '');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const post = useEscalationPost(IDS, NAMES, () => {
    onSaved(`${escalationLadder.find((s) => s.code === step)?.label ?? step} assigned.`);
    setOwner('');
    setDue('');
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const missing: FormError[] = [];
    if (!step) missing.push({ fieldId: IDS.step, message: 'Choose a step' });
    if (!owner) missing.push({ fieldId: IDS.ownerId, message: 'Choose who owns it' });
    if (!due) missing.push({ fieldId: IDS.due, message: 'Enter the date it is due' });
    if (missing.length) return post.setErrors(missing);
    void post.send(`/api/people/${encodeURIComponent(personId)}/escalation/tasks`, { step, ownerId: owner, due });
  }

  return (
    <section aria-labelledby="add-step">
      <h2 id="add-step" className="nhsuk-heading-m">
        Assign a step
      </h2>
      <FormErrors errors={post.errors} />
      <form onSubmit={submit} noValidate aria-label="Assign a step">
        <Select id={IDS.step} label="Step" labelProps={{ size: 's' }} value={step} error={errorFor(post.errors, IDS.step)} onChange={(e) => setStep(e.currentTarget.value)}>
          <Select.Option value="">Choose a step</Select.Option>
          {escalationLadder.map((s) => (
            <Select.Option key={s.code} value={s.code}>
              {s.label}
            </Select.Option>
          ))}
        </Select>
        <Select id={IDS.ownerId} label="Owner" labelProps={{ size: 's' }} hint="Staff of a team that holds this person." value={owner} error={errorFor(post.errors, IDS.ownerId)} onChange={(e) => setOwner(e.currentTarget.value)}>
          <Select.Option value="">Choose who owns it</Select.Option>
          {staff.map((s) => (
            <Select.Option key={s.id} value={s.id}>
              {s.name}
            </Select.Option>
          ))}
        </Select>
        <TextInput id={IDS.due} type="date" label="Due by" labelProps={{ size: 's' }} width={10} value={due} error={errorFor(post.errors, IDS.due)} onChange={(e) => setDue(e.currentTarget.value)} />
        <Button type="submit" disabled={post.busy}>
          Assign the step
        </Button>
      </form>
    </section>
  );
}
