import { Button, Select, TextInput } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import { newContactId } from '../contacts/contact-id.ts';
import { errorFor, errorsFromProblem, FormErrors, type FormError } from '../forms/form-errors.tsx';
import type { PersonSharedCareResponse } from './shared-care-types.ts';
// By path, not the domain's index: only the rules and the calendar go into the app.
import { sharedCareTasks, type SharedCareTask } from '../../../domain/src/shared-care/shared-care-rules.ts';
import { londonToday } from '../../../domain/src/engagement/london-calendar.ts';

type Holder = '' | 'practice' | 'team';

/**
 * Proposes shared care of one prescription to the person's GP practice: for each task the
 * monitoring rules give the medicine, whether the practice or the specialist team does it, or
 * neither. The agreement id is made when the form opens, so pressing the button twice proposes once.
 */
export function ProposeForm({ personId, shared, onProposed }: { personId: string; shared: PersonSharedCareResponse; onProposed: (message: string) => void }) {
  const [agreementId, setAgreementId] = useState(newContactId);
  const [prescriptionId, setPrescriptionId] = useState('');
  const [team, setTeam] = useState(shared.teams.length === 1 ? shared.teams[0]!.id : '');
  const [date, setDate] = useState(londonToday());
  const [holders, setHolders] = useState<Partial<Record<SharedCareTask, Holder>>>({});
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const prescription = shared.prescriptions.find((p) => p.id === prescriptionId);
  const tasks = prescription?.tasks ?? [];
  const practice = shared.practice;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!prescription) return setErrors([{ fieldId: 'medicationRequest', message: 'Choose the medicine' }]);
    const responsibilities = tasks.filter((t) => holders[t]).map((task) => ({ task, holder: holders[task] }));
    setBusy(true);
    try {
      await api.post(`/api/people/${encodeURIComponent(personId)}/shared-care`, { agreementId, medicationRequest: prescription.id, team: team || undefined, date: date.trim(), responsibilities });
      setErrors([]);
      setAgreementId(newContactId());
      setPrescriptionId('');
      setHolders({});
      onProposed(`Shared care of ${prescription.medicine} proposed to ${practice?.name ?? 'the GP practice'}.`);
    } catch (problem) {
      const fieldOf = (f: string) => {
        if (f === 'medicationRequest') return { id: 'medicationRequest', label: 'Medicine' };
        if (f === 'date') return { id: 'proposal-date', label: 'Date proposed' };
        if (f === 'team') return { id: 'team', label: 'Team' };
        const index = /^responsibilities\.(\d+)\./.exec(f)?.[1];
        const task = index === undefined ? (f === 'responsibilities' ? 'prescribing' : undefined) : responsibilities[Number(index)]?.task;
        return task ? { id: `holder-${task}`, label: sharedCareTasks[task as SharedCareTask].name } : undefined;
      };
      setErrors(errorsFromProblem(problem, 'The proposal could not be recorded. Please try again.', fieldOf));
    } finally {
      setBusy(false);
    }
  }

  if (!practice) return <p className="nhsuk-body">This person has no GP practice on record, so shared care cannot be proposed.</p>;
  if (shared.prescriptions.length === 0) return <p className="nhsuk-body">This person has no current prescription to share.</p>;
  return (
    <form onSubmit={submit} noValidate aria-label="Propose shared care">
      <FormErrors errors={errors} />
      <Select id="medicationRequest" label="Medicine" value={prescriptionId} error={errorFor(errors, 'medicationRequest')} onChange={(e) => setPrescriptionId(e.currentTarget.value)}>
        <Select.Option value="">Choose the medicine</Select.Option>
        {shared.prescriptions.map((p) => (
          <Select.Option key={p.id} value={p.id}>
            {p.medicine}
          </Select.Option>
        ))}
      </Select>
      {shared.teams.length > 1 ? (
        <Select id="team" label="Proposed by" value={team} error={errorFor(errors, 'team')} onChange={(e) => setTeam(e.currentTarget.value)}>
          <Select.Option value="">Choose your team</Select.Option>
          {shared.teams.map((t) => (
            <Select.Option key={t.id} value={t.id}>
              {t.name}
            </Select.Option>
          ))}
        </Select>
      ) : null}
      <TextInput id="proposal-date" type="date" label="Date proposed" hint="Today or earlier." width={10} value={date} error={errorFor(errors, 'proposal-date')} onChange={(e) => setDate(e.currentTarget.value)} />
      {tasks.map((task) => (
        <Select
          key={`${prescriptionId}-${task}`}
          id={`holder-${task}`}
          label={sharedCareTasks[task].name}
          hint={task === 'prescribing' ? 'Every agreement says who prescribes.' : undefined}
          value={holders[task] ?? ''}
          error={errorFor(errors, `holder-${task}`)}
          onChange={(e) => setHolders({ ...holders, [task]: e.currentTarget.value as Holder })}
        >
          <Select.Option value="">Not part of this agreement</Select.Option>
          <Select.Option value="practice">{practice.name} (GP practice)</Select.Option>
          <Select.Option value="team">The specialist team</Select.Option>
        </Select>
      ))}
      <Button type="submit" disabled={busy}>
        Propose shared care
      </Button>
    </form>
  );
}
