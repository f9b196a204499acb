import { Button, Tag, Textarea } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { formatDate } from '../format/dates.ts';
import { FormErrors, errorFor } from '../forms/form-errors.tsx';
import type { EscalationStepView, EscalationTaskView } from './escalation-types.ts';
import { escalationLadder } from '../format/domain-rules.ts';
import { useEscalationPost } from './use-escalation-post.ts';

const STATE_TAG = { done: <Tag modifier="green">Done</Tag>, open: <Tag modifier="blue">Assigned</Tag>, 'not-started': <Tag modifier="grey">Not started</Tag> };

/** The ladder in order, as a task list: each step done, assigned or not started, with its due date and any overdue. */
export function LadderSteps({ personId, steps, onSaved }: { personId: string; steps: EscalationStepView[]; onSaved: (what: string) => void }) {
  return (
    <ol className="nhsuk-list app-escalation-steps">
      {steps.map((step) => (
        <li key={step.code} className="app-escalation-step nhsuk-u-margin-bottom-5" data-step={step.code}>
          <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">
            {step.label} {STATE_TAG[step.state]}
            {step.overdue ? (
              <>
                {' '}
                <Tag modifier="red">Overdue</Tag>
              </>
            ) : null}
          </h3>
          <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">{step.description}</p>
          <p className="nhsuk-body nhsuk-u-margin-bottom-1">{describe(step)}</p>
          {step.state === 'open' && step.task ? <CloseTaskForm personId={personId} step={step} task={step.task} onSaved={onSaved} /> : null}
        </li>
      ))}
    </ol>
  );
}

function describe(step: EscalationStepView): string {
  if (step.state === 'done' && step.task) {
    return `Done on ${formatDate(step.doneOn)} by ${step.task.completedByName ?? 'someone'}${step.task.outcome ? `: ${step.task.outcome}` : '.'}`;
  }
  if (step.state === 'open' && step.task) return `Owned by ${step.task.owner.name}, due by ${formatDate(step.due)}.`;
  return `Nobody has taken this on; due by ${formatDate(step.due)}.`;
}

const NAMES = { outcome: 'What happened', version: 'This task', taskId: 'This task' };

/** Records what happened and marks the step done, or cancels it; both at the version shown, so a colleague's change is never overwritten. */
export function CloseTaskForm({ personId, step, task, onSaved }: { personId: string; step: { label: string }; task: EscalationTaskView; onSaved: (what: string) => void }) {
  const outcomeId = `outcome-${task.id}`;
  const [outcome, setOutcome] = useState('');
  const post = useEscalationPost({ outcome: outcomeId, version: outcomeId, taskId: outcomeId }, NAMES, () => onSaved(`${step.label}: saved.`));
  const path = (action: string) => `/api/people/${encodeURIComponent(personId)}/escalation/tasks/${encodeURIComponent(task.id)}/${action}`;

  function complete(event: FormEvent) {
    event.preventDefault();
    if (!outcome.trim()) return post.setErrors([{ fieldId: outcomeId, message: 'Enter what happened' }]);
    void post.send(path('complete'), { version: task.version, outcome: outcome.trim() });
  }

  return (
    <>
      <FormErrors errors={post.errors} />
      <form onSubmit={complete} noValidate aria-label={`Complete: ${step.label}`}>
        <Textarea id={outcomeId} label="What happened" labelProps={{ size: 's' }} rows={2} maxLength={4000} value={outcome} error={errorFor(post.errors, outcomeId)} onChange={(e) => setOutcome(e.currentTarget.value)} />
        <div className="nhsuk-button-group">
          <Button type="submit" disabled={post.busy}>
            Mark as done<span className="nhsuk-u-visually-hidden">: {step.label}</span>
          </Button>
          <Button type="button" secondary disabled={post.busy} onClick={() => void post.send(path('cancel'), { version: task.version, ...(outcome.trim() ? { reason: outcome.trim() } : {}) })}>
            Cancel this task<span className="nhsuk-u-visually-hidden">: {step.label}</span>
          </Button>
        </div>
      </form>
    </>
  );
}

/** Tasks still open when the person is no longer on the list (contact re-established): close them here. */
export function OpenTasks({ personId, tasks, onSaved }: { personId: string; tasks: EscalationTaskView[]; onSaved: (what: string) => void }) {
  const open = tasks.filter((t) => t.status === 'open');
  if (open.length === 0) return null;
  return (
    <section aria-labelledby="open-tasks">
      <h2 id="open-tasks" className="nhsuk-heading-m">
        Open tasks
      </h2>
      <ul className="nhsuk-list">
        {open.map((task) => {
          const label = escalationLadder.find((s) => s.code === task.step)?.label ?? task.step;
          return (
            <li key={task.id} className="nhsuk-u-margin-bottom-5">
              <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">{label}</h3>
              <p className="nhsuk-body nhsuk-u-margin-bottom-1">
                Owned by {task.owner.name}, due by {formatDate(task.due)}.
              </p>
              <CloseTaskForm personId={personId} step={{ label }} task={task} onSaved={onSaved} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
