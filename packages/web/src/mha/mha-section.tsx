import { SummaryList } from 'nhsuk-react-components';
import { Link } from 'react-router-dom';
import type { LegalStatusEntry } from '../api/types.ts';
import { useApiResource } from '../api/use-api-resource.ts';
import { formatDate } from '../format/dates.ts';
import { describeCtoEvent, sectionLasts } from './mha-words.ts';

/**
 * The Mental Health Act on the person record: current and past detentions and Community Treatment
 * Orders, and section 117 aftercare, with a CTO's conditions, expiry and what has happened to it; a current CTO links to the
 * form that records a renewal, recall, revocation or discharge. GET /api/people/:id/mha.
 */
export function MhaSection({ personId }: { personId: string }) {
  const state = useApiResource<{ legalStatuses: LegalStatusEntry[] }>(`/api/people/${encodeURIComponent(personId)}/mha`);
  return (
    <section aria-labelledby="mha-heading">
      <h2 className="nhsuk-heading-m" id="mha-heading">
        Mental Health Act
      </h2>
      {state.status === 'loading' ? <p className="nhsuk-body">Loading the legal status…</p> : null}
      {state.status === 'failed' ? <p className="nhsuk-body">The legal status could not be shown: {state.problem.message}</p> : null}
      {state.status === 'loaded' && state.data.legalStatuses.length === 0 ? <p className="nhsuk-body">No detention, Community Treatment Order or section 117 aftercare recorded.</p> : null}
      {state.status === 'loaded'
        ? state.data.legalStatuses.map((status) => <LegalStatus key={status.id} personId={personId} status={status} />)
        : null}
    </section>
  );
}

function LegalStatus({ personId, status }: { personId: string; status: LegalStatusEntry }) {
  const cto = status.kind === 'cto';
  const lasts = sectionLasts(status);
  return (
    <SummaryList aria-label={`${status.name}, ${status.current ? 'current' : 'ended'}`}>
      <SummaryList.Row>
        <SummaryList.Key>Legal status</SummaryList.Key>
        <SummaryList.Value>
          {status.name}{' '}
          <strong className={`nhsuk-tag ${status.current ? 'nhsuk-tag--blue' : 'nhsuk-tag--grey'}`}>{status.current ? 'Current' : 'Ended'}</strong>
        </SummaryList.Value>
        {cto && status.current ? (
          <SummaryList.Action asElement={Link} to={`/people/${encodeURIComponent(personId)}/mha/ctos/${encodeURIComponent(status.id)}`} visuallyHiddenText="a renewal, recall, revocation or discharge of this CTO">
            Record a change
          </SummaryList.Action>
        ) : null}
      </SummaryList.Row>
      <SummaryList.Row>
        <SummaryList.Key>{status.kind === 's117' ? 'Entitled since' : 'Began'}</SummaryList.Key>
        <SummaryList.Value>{formatDate(status.start)}</SummaryList.Value>
      </SummaryList.Row>
      {status.end ? (
        <SummaryList.Row>
          <SummaryList.Key>Ended</SummaryList.Key>
          <SummaryList.Value>{formatDate(status.end)}</SummaryList.Value>
        </SummaryList.Row>
      ) : null}
      {cto && status.current ? (
        <SummaryList.Row>
          <SummaryList.Key>Expires</SummaryList.Key>
          <SummaryList.Value>{status.expires ? `${formatDate(status.expires)}, unless renewed` : 'No expiry date recorded'}</SummaryList.Value>
        </SummaryList.Row>
      ) : null}
      {cto ? (
        <SummaryList.Row>
          <SummaryList.Key>Conditions</SummaryList.Key>
          <SummaryList.Value>
            {status.conditions.length ? (
              <ul className="nhsuk-list nhsuk-list--bullet">
                {status.conditions.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            ) : (
              'None recorded'
            )}
          </SummaryList.Value>
        </SummaryList.Row>
      ) : null}
      {cto && status.events.length ? (
        <SummaryList.Row>
          <SummaryList.Key>Recorded since</SummaryList.Key>
          <SummaryList.Value>
            <ul className="nhsuk-list">
              {status.events.map((e, i) => (
                <li key={`${e.kind}-${e.date}-${i}`}>{describeCtoEvent(e)}</li>
              ))}
            </ul>
          </SummaryList.Value>
        </SummaryList.Row>
      ) : null}
      {status.kind === 's117' ? (
        <SummaryList.Row>
          <SummaryList.Key>What it means</SummaryList.Key>
          <SummaryList.Value>Aftercare that meets needs arising from the mental disorder, free of charge, until the ICB and the local authority together decide it is no longer needed.</SummaryList.Value>
        </SummaryList.Row>
      ) : null}
      {lasts ? (
        <SummaryList.Row>
          <SummaryList.Key>Lasts</SummaryList.Key>
          <SummaryList.Value>{lasts}</SummaryList.Value>
        </SummaryList.Row>
      ) : null}
    </SummaryList>
  );
}
