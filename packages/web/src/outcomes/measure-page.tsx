import { Button } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { api, ApiProblem } from '../api/client.ts';
import { useApiResource } from '../api/use-api-resource.ts';
import { FormErrors, errorsFromProblem, type FormError } from '../forms/form-errors.tsx';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading } from '../layout/status-pages.tsx';
import type { InstrumentRules } from '../../../domain/src/outcomes/outcome-rules.ts';
import type { MeasureScore, NotScored } from '../../../domain/src/outcomes/score-items.ts';
import { answerId, MeasureQuestions, unansweredItems, type AskedMeasure } from './measure-questions.tsx';

type LinkMeasure = AskedMeasure & Pick<InstrumentRules, 'title' | 'stem'> & { instrument: string; expiresAt: string };

/** The page shown for a link that cannot be used, in words for the person: never an error code. */
function LinkRefused({ problem }: { problem: ApiProblem }) {
  const title = problem.code === 'link-used' ? 'This link has been used' : problem.code === 'link-expired' ? 'This link has expired' : problem.code === 'link-unknown' ? 'This link is not recognised' : 'Sorry, this cannot be shown';
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="nhsuk-body">{problem.message}</p>
    </>
  );
}

/** Their own scores, straight after they answered, with what the numbers mean. */
function OwnScores({ title, scores, notScored }: { title: string; scores: MeasureScore[]; notScored: NotScored[] }) {
  return (
    <>
      <PageHeading title="Thank you: your answers have been sent">Thank you: your answers have been sent</PageHeading>
      <p className="nhsuk-body">Your care team will see your answers and talk them through with you. They help you both plan what could help; they are not a test.</p>
      <h2 className="nhsuk-heading-m">Your {title} scores</h2>
      <ul className="nhsuk-list">
        {scores.map((s) => (
          <li key={s.key}>
            <strong>{s.label}:</strong> {s.value} on a scale of {s.min} to {s.max} ({s.higherIsBetter ? 'higher' : 'lower'} means things are better for you)
          </li>
        ))}
        {notScored.map((n) => (
          <li key={n.key}>
            <strong>{n.label}:</strong> no score this time
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * The person's own page for a measure their care team sent them a link to: the questions in plain
 * English, answered on a phone or a computer with no account, then their own scores.
 */
export function MeasurePage() {
  const { token = '' } = useParams();
  const path = `/api/measure-links/${encodeURIComponent(token)}`;
  const state = useApiResource<{ measure: LinkMeasure }>(path);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<{ title: string; scores: MeasureScore[]; notScored: NotScored[] } | undefined>();
  const [refused, setRefused] = useState<ApiProblem | undefined>();

  if (refused) return <LinkRefused problem={refused} />;
  if (sent) return <OwnScores {...sent} />;
  if (state.status === 'loading' || state.status === 'idle') return <Loading what="your questions" />;
  if (state.status === 'failed') return <LinkRefused problem={state.problem} />;
  const measure = state.data.measure;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = unansweredItems(measure, answers);
    if (missing.length) return setErrors(missing);
    setBusy(true);
    try {
      const { measure: result } = await api.post<{ measure: { title: string; scores: MeasureScore[]; notScored: NotScored[] } }>(path, { answers });
      setSent(result);
    } catch (problem) {
      if (problem instanceof ApiProblem && problem.status === 410) return setRefused(problem);
      setErrors(errorsFromProblem(problem, 'Your answers could not be sent. Please try again.', (f) => {
        const linkId = /^answers\.(.+)$/.exec(f)?.[1];
        return linkId ? { id: answerId(linkId), label: `Question ${linkId}` } : undefined;
      }));
    } finally {
      setBusy(false);
    }
  }

  const title = `${measure.title}: questions from your care team`;
  return (
    <>
      <FormErrors errors={errors} />
      <PageHeading title={errors.length ? `Error: ${title}` : title}>Questions from your care team</PageHeading>
      <p className="nhsuk-body">
        Your care team would like to know how things are for you. There are no right or wrong answers. Your answers go to your care team and are kept in your
        record, and you will see your scores when you have finished.
      </p>
      <p className="nhsuk-body">{measure.stem}</p>
      <form onSubmit={submit} noValidate aria-label={measure.title}>
        <MeasureQuestions rules={measure} answers={answers} errors={errors} onAnswer={(linkId, value) => setAnswers({ ...answers, [linkId]: value })} />
        <Button type="submit" disabled={busy}>
          Send my answers
        </Button>
      </form>
    </>
  );
}
