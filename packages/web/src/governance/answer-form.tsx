import { Button, Radios, Select, Textarea } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { formatDateTime } from '../format/dates.ts';
import { FormErrors, errorFor } from '../forms/form-errors.tsx';
import type { Answer } from './governance-types.ts';
import { useGovernancePost } from './use-governance-post.ts';

/**
 * One question of the self-assessment: its rating, category and comments, saved at the version
 * shown. Saving keeps the page where it is (focus stays on the form), and a change someone else
 * saved first is reported, not overwritten.
 */
export function AnswerForm({ question, ratings, categories }: { question: { id: string; text: string; answer: Answer }; ratings: Record<string, string>; categories: Record<string, string> }) {
  const key = `q${question.id.replace('.', '-')}`;
  const ids = { rating: `${key}-rating`, category: `${key}-category`, comments: `${key}-comments` };
  const [answer, setAnswer] = useState(question.answer);
  const [form, setForm] = useState({ rating: answer.rating ?? '', category: answer.category ?? '', comments: answer.comments ?? '' });
  const [saved, setSaved] = useState('');
  const post = useGovernancePost(ids, { rating: 'Rating', category: 'Category', comments: 'Comments' }, (result) => {
    const next = result as Answer;
    setAnswer(next);
    setSaved(`Answer to ${question.id} saved.`);
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved('');
    void post.send(`/api/governance/self-assessment/${encodeURIComponent(question.id)}`, {
      version: answer.version,
      rating: form.rating || null,
      category: form.category || null,
      comments: form.comments || null,
    });
  }

  return (
    <section aria-labelledby={`${key}-text`} className="nhsuk-u-margin-bottom-6">
      <FormErrors errors={post.errors} />
      <form onSubmit={submit} noValidate aria-labelledby={`${key}-text`}>
        <Radios
          name={ids.rating}
          legend={<span id={`${key}-text`}>{`${question.id} ${question.text}`}</span>}
          legendProps={{ size: 's' }}
          error={errorFor(post.errors, ids.rating)}
          inline
        >
          {Object.entries(ratings).map(([code, label], i) => (
            <Radios.Item key={code} id={i === 0 ? ids.rating : `${ids.rating}-${code}`} value={code} checked={form.rating === code} onChange={() => setForm({ ...form, rating: code })}>
              {label}
            </Radios.Item>
          ))}
        </Radios>
        <Select id={ids.category} label="Category" labelProps={{ size: 's' }} value={form.category} error={errorFor(post.errors, ids.category)} onChange={(e) => setForm({ ...form, category: e.currentTarget.value })}>
          <Select.Option value="">Not set</Select.Option>
          {Object.entries(categories).map(([code, label]) => (
            <Select.Option key={code} value={code}>
              {label}
            </Select.Option>
          ))}
        </Select>
        <Textarea id={ids.comments} label="Comments (optional)" labelProps={{ size: 's' }} rows={2} maxLength={4000} value={form.comments} error={errorFor(post.errors, ids.comments)} onChange={(e) => setForm({ ...form, comments: e.currentTarget.value })} />
        <Button type="submit" secondary disabled={post.busy}>
          Save answer {question.id}
        </Button>
        <p role="status" className="nhsuk-body-s">
          {saved}
          {answer.updatedBy && answer.updatedAt ? ` Last saved by ${answer.updatedBy}, ${formatDateTime(answer.updatedAt)}.` : ''}
        </p>
      </form>
    </section>
  );
}
