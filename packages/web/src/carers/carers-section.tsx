import { SummaryList } from 'nhsuk-react-components';
import { Link } from 'react-router-dom';
import { formatDate, formatDateTime } from '../format/dates.ts';
import { carerInvolvementEndings, carerInvolvements, informationSharingLevels } from '../../../domain/src/carers/carer-codes.ts';
import { concernChannels, concernOutcomes } from '../../../domain/src/carers/carer-concern-rules.ts';
import type { CarerConcern, PersonCarer } from './carer-types.ts';
import { useCarers } from './use-carers.ts';

/** The state of a concern as a tag: what the team has to do first stands out. */
export function ConcernTag({ concern }: { concern: CarerConcern }) {
  if (concern.open) return <strong className={`nhsuk-tag ${concern.overdue ? 'nhsuk-tag--red' : 'nhsuk-tag--orange'}`}>{concern.overdue ? 'Response overdue' : 'Awaiting a response'}</strong>;
  return <strong className={`nhsuk-tag ${concern.answeredLate ? 'nhsuk-tag--grey' : 'nhsuk-tag--green'}`}>{concern.answeredLate ? 'Answered late' : 'Answered'}</strong>;
}

/** Who raised a concern, when and how: "From Mary Adams (Mother), received 12 March 2026 at 14:05 by phone". */
export function concernFrom(concern: CarerConcern, carers: PersonCarer[]): string {
  const carer = carers.find((c) => c.id === concern.carerId);
  const who = carer ? `${carer.name} (${carer.relationship.label})` : 'a carer';
  const how = concern.channel ? ` ${concernChannels[concern.channel].says}` : '';
  return `From ${who}, received ${formatDateTime(concern.receivedAt)}${how}`;
}

/** What a concern is: its state, who raised it, when and how, and when its response is or was due. */
export function ConcernSummary({ concern, carers }: { concern: CarerConcern; carers: PersonCarer[] }) {
  return (
    <p className="nhsuk-body nhsuk-u-margin-bottom-2">
      <ConcernTag concern={concern} /> {concernFrom(concern, carers)}.
      {concern.open && concern.dueAt ? ` ${concern.overdue ? 'The response was due by' : 'A response is due by'} ${formatDateTime(concern.dueAt)}.` : null}
    </p>
  );
}

/** A concern in the carer's own words, exactly as recorded. */
export function TheirWords({ words }: { words: string }) {
  return <blockquote className="nhsuk-body app-their-words">{words}</blockquote>;
}

function CarerSummary({ personId, carer }: { personId: string; carer: PersonCarer }) {
  const base = `/people/${encodeURIComponent(personId)}/carers/${encodeURIComponent(carer.id)}`;
  return (
    <SummaryList aria-label={`${carer.name}, ${carer.relationship.label}`}>
      <SummaryList.Row>
        <SummaryList.Key>{carer.relationship.label}</SummaryList.Key>
        <SummaryList.Value>
          {carer.name} {carer.mainCarer ? <strong className="nhsuk-tag nhsuk-tag--blue">Main carer</strong> : null}
          {carer.active ? null : <strong className="nhsuk-tag nhsuk-tag--grey">No longer involved</strong>}
        </SummaryList.Value>
        {carer.active && !carer.mainCarer ? (
          <SummaryList.Action asElement={Link} to={`${base}/main-carer`} visuallyHiddenText={`(${carer.name})`}>
            Make main carer
          </SummaryList.Action>
        ) : null}
      </SummaryList.Row>
      {carer.ended ? (
        <SummaryList.Row>
          <SummaryList.Key>Involvement ended</SummaryList.Key>
          <SummaryList.Value>
            {[carer.ended.date ? formatDate(carer.ended.date) : null, carer.ended.reason ? carerInvolvementEndings[carer.ended.reason] : null].filter(Boolean).join(': ') || 'Date not recorded'}
          </SummaryList.Value>
        </SummaryList.Row>
      ) : null}
      <SummaryList.Row>
        <SummaryList.Key>Phone</SummaryList.Key>
        <SummaryList.Value>{carer.phone ?? 'Not recorded'}</SummaryList.Value>
      </SummaryList.Row>
      <SummaryList.Row>
        <SummaryList.Key>Involvement</SummaryList.Key>
        <SummaryList.Value>{carer.involvement ? carerInvolvements[carer.involvement] : 'Not recorded'}</SummaryList.Value>
        {carer.active ? (
          <SummaryList.Action asElement={Link} to={`${base}/end`} visuallyHiddenText={`(${carer.name})`}>
            End involvement
          </SummaryList.Action>
        ) : null}
      </SummaryList.Row>
      <SummaryList.Row>
        <SummaryList.Key>What the person agrees to share</SummaryList.Key>
        <SummaryList.Value>{carer.sharing ? informationSharingLevels[carer.sharing] : 'Not recorded'}</SummaryList.Value>
        <SummaryList.Action asElement={Link} to={`${base}/sharing`} visuallyHiddenText={`what is shared with ${carer.name}`}>
          Change
        </SummaryList.Action>
      </SummaryList.Row>
    </SummaryList>
  );
}

function Concern({ personId, concern, carers }: { personId: string; concern: CarerConcern; carers: PersonCarer[] }) {
  return (
    <li className="app-carer-concern">
      <ConcernSummary concern={concern} carers={carers} />
      <TheirWords words={concern.words} />
      {concern.responses.map((r) => (
        <p className="nhsuk-body-s" key={r.id}>
          Response {formatDateTime(r.sentAt)}
          {r.by ? ` by ${r.by}` : ''}
          {r.outcome ? `: ${concernOutcomes[r.outcome]}` : ''}. <span className="app-their-words">{r.words}</span>
        </p>
      ))}
      {concern.open ? (
        <p className="nhsuk-body">
          <Link to={`/people/${encodeURIComponent(personId)}/carer-concerns/${encodeURIComponent(concern.id)}/respond`}>
            Record the response<span className="nhsuk-u-visually-hidden"> to the concern {concernFrom(concern, carers).replace(/^From/, 'from')}</span>
          </Link>
        </p>
      ) : null}
    </li>
  );
}

/**
 * Carers and family on the person record: each carer with what the person agrees to share with
 * them, then every concern carers have raised, open ones first with when the response is due.
 * GET /api/people/:id/carers.
 */
export function CarersSection({ personId }: { personId: string }) {
  const state = useCarers(personId);
  const base = `/people/${encodeURIComponent(personId)}`;
  return (
    <section aria-labelledby="carers-heading">
      <h2 className="nhsuk-heading-m" id="carers-heading">
        Carers and family
      </h2>
      {state.status === 'loading' ? <p className="nhsuk-body">Loading carers and family…</p> : null}
      {state.status === 'failed' ? <p className="nhsuk-body">Carers and family could not be shown: {state.problem.message}</p> : null}
      {state.status === 'loaded' ? (
        <>
          {state.data.carers.length === 0 ? <p className="nhsuk-body">No carers or family recorded.</p> : null}
          {state.data.carers.map((carer) => (
            <CarerSummary key={carer.id} personId={personId} carer={carer} />
          ))}
          <h3 className="nhsuk-heading-s">Concerns raised by carers</h3>
          {state.data.concerns.length === 0 ? <p className="nhsuk-body">No concerns from carers recorded.</p> : null}
          {state.data.concerns.length ? (
            <ul className="nhsuk-list">
              {state.data.concerns.map((concern) => (
                <Concern key={concern.id} personId={personId} concern={concern} carers={state.data.carers} />
              ))}
            </ul>
          ) : null}
          <p className="nhsuk-body">
            {state.data.carers.length ? (
              <>
                <Link to={`${base}/carer-concerns/new`}>Log a concern from a carer</Link>
                {' · '}
              </>
            ) : null}
            <Link to={`${base}/carers/new`}>Add a carer or family member</Link>
          </p>
        </>
      ) : null}
    </section>
  );
}
