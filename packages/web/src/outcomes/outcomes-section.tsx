import { Table } from 'nhsuk-react-components';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { formatDate } from '../format/dates.ts';
import { outcomeRules } from '../../../domain/src/outcomes/outcome-rules.ts';
import type { QuestionnaireKey } from '../../../domain/src/fhir/clinical-codes.ts';
import type { PersonMeasure } from './outcome-types.ts';
import { chartPoints, ScoreChart } from './score-chart.tsx';
import { useOutcomes } from './use-outcomes.ts';
import { MeasureLinkMaker } from './measure-link-maker.tsx';
import { DialogReviewTable } from './dialog-review-table.tsx';

const direction = (higherIsBetter: boolean) => (higherIsBetter ? 'higher is better' : 'lower is better');

/** One instrument's measures: the chart over time and a table of the same numbers. */
function InstrumentScores({ instrument, measures }: { instrument: QuestionnaireKey; measures: PersonMeasure[] }) {
  const rules = outcomeRules[instrument];
  const points = useMemo(() => chartPoints(measures), [measures]);
  const id = `outcome-${instrument}`;
  const scoreRange = rules.scores.map((s) => `${s.label.toLowerCase()} ${s.min} to ${s.max}, ${direction(s.higherIsBetter)}`).join('; ');
  return (
    <section aria-labelledby={id}>
      <h3 className="nhsuk-heading-s" id={id}>
        {rules.title}
      </h3>
      <p className="nhsuk-body-s">
        {rules.ratedBy === 'clinician' ? 'Rated by the clinician' : 'Rated by the person'}: {scoreRange}.
      </p>
      {points.length ? <ScoreChart label={`${rules.title} scores over time, ${points.length} ${points.length === 1 ? 'score' : 'scores'}: the same numbers are in the table that follows`} points={points} min={Math.min(...rules.scores.map((s) => s.min))} max={Math.max(...rules.scores.map((s) => s.max))} /> : null}
      <Table caption={`${rules.title} scores`} responsive>
        <Table.Head>
          <Table.Row>
            <Table.Cell>Completed</Table.Cell>
            {rules.scores.map((s) => (
              <Table.Cell key={s.key}>{s.label}</Table.Cell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {measures.map((m) => (
            <Table.Row key={m.id}>
              <Table.Cell>{formatDate(m.authored)}</Table.Cell>
              {rules.scores.map((rule) => {
                const score = m.scores.find((s) => s.key === rule.key);
                const why = m.notScored.find((n) => n.key === rule.key)?.why ?? (m.problems.length ? `Not scored: ${m.problems.map((p) => `item ${p.linkId} ${p.message}`).join('; ')}` : undefined);
                return (
                  <Table.Cell key={rule.key}>
                    {score ? `${score.value}${score.band ? ` (${score.band.toLowerCase()})` : ''}${score.notKnownItems ? `, items ${score.notKnownItems.join(', ')} not known` : ''}` : `No score: ${why ?? 'not given'}`}
                  </Table.Cell>
                );
              })}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {instrument === 'dialog' ? <DialogReviewTable measures={measures} /> : null}
    </section>
  );
}

/**
 * The person's outcome measures on their record, per instrument: a chart over time and the same
 * numbers as a table. They inform the plan and the person sees their own; nothing here is a risk rating.
 */
export function OutcomesSection({ personId }: { personId: string }) {
  const state = useOutcomes(personId);
  const measures = state.status === 'loaded' ? state.data.measures : [];
  const instruments = (Object.keys(outcomeRules) as QuestionnaireKey[]).filter((k) => measures.some((m) => m.instrument === k));
  return (
    <section aria-labelledby="outcomes-heading">
      <h2 className="nhsuk-heading-m" id="outcomes-heading">
        Outcome measures
      </h2>
      {state.status === 'loading' ? <p className="nhsuk-body">Loading the outcome measures…</p> : null}
      {state.status === 'failed' ? <p className="nhsuk-body">The outcome measures could not be shown: {state.problem.message}</p> : null}
      {state.status === 'loaded' && measures.length === 0 ? <p className="nhsuk-body">No outcome measures recorded.</p> : null}
      {instruments.map((instrument) => (
        <InstrumentScores key={instrument} instrument={instrument} measures={measures.filter((m) => m.instrument === instrument)} />
      ))}
      <p className="nhsuk-body">
        <Link to={`/people/${encodeURIComponent(personId)}/outcomes/new`}>Record an outcome measure</Link>
      </p>
      <MeasureLinkMaker personId={personId} />
    </section>
  );
}
