import { Button, Select, Textarea, TextInput } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { FormErrors, errorFor, type FormError } from '../forms/form-errors.tsx';
import type { GovernanceAction } from './governance-types.ts';
import { useGovernancePost } from './use-governance-post.ts';

const NAMES = { domain: 'Domain', finding: 'Finding', action: 'Action', owner: 'Who is responsible', due: 'Due date', status: 'Status', evidence: 'Evidence' };
type Field = keyof typeof NAMES;

/**
 * An action of the plan, as the tool's Findings and Actions Table has it (003_* lines 1133-1152):
 * the domain and finding, the action, who is responsible, when it is due, whether it is done, and
 * the evidence (a note or a link). New when `editing` is absent; otherwise a change at its version.
 */
export function ActionForm({ domains, statuses, editing, onSaved, idPrefix }: {
  domains: ReadonlyArray<{ number: number; title: string }>;
  statuses: Record<string, string>;
  editing?: GovernanceAction;
  onSaved: (saved: GovernanceAction) => void;
  idPrefix: string;
}) {
  const ids = Object.fromEntries(Object.keys(NAMES).map((f) => [f, `${idPrefix}-${f}`])) as Record<Field, string>;
  const empty = { domain: '', finding: '', action: '', owner: '', due: '', status: 'open', evidence: '' };
  const initial = editing
    ? { domain: editing.domain ? String(editing.domain) : '', finding: editing.finding ?? '', action: editing.action, owner: editing.owner, due: editing.due, status: editing.status, evidence: editing.evidence ?? '' }
    : empty;
  const [form, setForm] = useState(initial);
  const post = useGovernancePost(ids, NAMES, (saved) => {
    if (!editing) setForm(empty);
    onSaved(saved as GovernanceAction);
  });
  const set = (field: Field) => (event: { currentTarget: { value: string } }) => setForm({ ...form, [field]: event.currentTarget.value });

  function submit(event: FormEvent) {
    event.preventDefault();
    const missing: FormError[] = [];
    if (!form.domain && !editing?.incidentId) missing.push({ fieldId: ids.domain, message: 'Choose the domain' });
    if (!form.action.trim()) missing.push({ fieldId: ids.action, message: 'Say what will be done' });
    if (!form.owner.trim()) missing.push({ fieldId: ids.owner, message: 'Say who is responsible' });
    if (!form.due) missing.push({ fieldId: ids.due, message: 'Enter the date it is due' });
    if (missing.length) return post.setErrors(missing);
    const body = {
      domain: form.domain ? Number(form.domain) : null,
      questionId: editing?.questionId ?? null,
      incidentId: editing?.incidentId ?? null,
      finding: form.finding || null,
      action: form.action,
      owner: form.owner,
      due: form.due,
      status: form.status,
      evidence: form.evidence || null,
    };
    void post.send(editing ? `/api/governance/actions/${encodeURIComponent(editing.id)}` : '/api/governance/actions', editing ? { version: editing.version, ...body } : body);
  }

  const label = editing ? 'Change the action' : 'Add an action';
  return (
    <>
      <FormErrors errors={post.errors} />
      <form onSubmit={submit} noValidate aria-label={label}>
        <Select id={ids.domain} label={NAMES.domain} labelProps={{ size: 's' }} value={form.domain} error={errorFor(post.errors, ids.domain)} onChange={set('domain')}>
          <Select.Option value="">{editing?.incidentId ? 'None: learning from an incident' : 'Choose the domain'}</Select.Option>
          {domains.map((d) => (
            <Select.Option key={d.number} value={String(d.number)}>
              {d.number}. {d.title}
            </Select.Option>
          ))}
        </Select>
        <Textarea id={ids.finding} label="What was the finding (optional)" labelProps={{ size: 's' }} rows={2} maxLength={4000} value={form.finding} error={errorFor(post.errors, ids.finding)} onChange={set('finding')} />
        <Textarea id={ids.action} label="What is the action" labelProps={{ size: 's' }} rows={2} maxLength={4000} value={form.action} error={errorFor(post.errors, ids.action)} onChange={set('action')} />
        <TextInput id={ids.owner} label={NAMES.owner} labelProps={{ size: 's' }} hint="A name or a post, for example Head of community services." maxLength={200} value={form.owner} error={errorFor(post.errors, ids.owner)} onChange={set('owner')} />
        <TextInput id={ids.due} type="date" label="When will it be completed" labelProps={{ size: 's' }} width={10} value={form.due} error={errorFor(post.errors, ids.due)} onChange={set('due')} />
        <Select id={ids.status} label={NAMES.status} labelProps={{ size: 's' }} value={form.status} error={errorFor(post.errors, ids.status)} onChange={set('status')}>
          {Object.entries(statuses).map(([code, text]) => (
            <Select.Option key={code} value={code}>
              {text}
            </Select.Option>
          ))}
        </Select>
        <Textarea id={ids.evidence} label="Evidence (optional until completed)" labelProps={{ size: 's' }} hint="What shows it is done: a note, or a link to the document." rows={2} maxLength={4000} value={form.evidence} error={errorFor(post.errors, ids.evidence)} onChange={set('evidence')} />
        <Button type="submit" disabled={post.busy}>
          {editing ? 'Save the change' : 'Add the action'}
        </Button>
      </form>
    </>
  );
}
