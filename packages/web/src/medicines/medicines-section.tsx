import { Details, Table } from 'nhsuk-react-components';
import { Link } from 'react-router-dom';
import { useSignedInUser } from '../auth/session-context.tsx';
import { formatDate } from '../format/dates.ts';
import type { PersonMedicine } from './medicine-types.ts';
import { useMedicines } from './use-medicines.ts';

/** "Due 3 Dec", or how late, for a current injection: what the clinician acts on. */
function injectionLine(m: PersonMedicine): string | null {
  const s = m.injectionSchedule;
  if (!s || !m.current) return null;
  const last = s.lastGiven ? `last given ${formatDate(s.lastGiven)}` : 'no dose recorded as given';
  if (!s.nextDue) return last;
  return s.overdueDays > 0 ? `Overdue by ${s.overdueDays} ${s.overdueDays === 1 ? 'day' : 'days'} (due ${formatDate(s.nextDue)}; ${last})` : `Next due ${formatDate(s.nextDue)} (${last})`;
}

function soonerDoses(m: PersonMedicine): string | null {
  const sooner = m.injectionSchedule?.doses.filter((d) => d.soonerThanIntervalBy !== null) ?? [];
  if (sooner.length === 0) return null;
  return `Given sooner than every ${m.injectionSchedule!.intervalDays} days: ${sooner.map((d) => `${formatDate(d.date)} (${d.soonerThanIntervalBy} days after the dose before)`).join(', ')}.`;
}

function MedicineRow({ personId, medicine: m, prescriber }: { personId: string; medicine: PersonMedicine; prescriber: boolean }) {
  const base = `/people/${encodeURIComponent(personId)}/medicines/${encodeURIComponent(m.id)}`;
  const says = m.personSays?.stoppedAgainstAdvice ? `Stopped against advice${m.personSays.on ? ` on ${formatDate(m.personSays.on)}` : ''}${m.personSays.words ? `: “${m.personSays.words}”` : ''}` : null;
  const injection = injectionLine(m);
  const sooner = soonerDoses(m);
  return (
    <Table.Row>
      <Table.Cell>
        <strong>{m.name}</strong>
        {m.dose ? <div className="nhsuk-body-s nhsuk-u-margin-bottom-0">{m.dose}</div> : null}
      </Table.Cell>
      <Table.Cell>{formatDate(m.prescribed)}</Table.Cell>
      <Table.Cell>
        {m.current ? (says ? <strong className="nhsuk-tag nhsuk-tag--red">Not taking</strong> : 'Current') : `Stopped ${m.stopped?.on ? formatDate(m.stopped.on) : ''}${m.stopped?.reason ? `: ${m.stopped.reason}` : ''}`}
        {says ? <div className="nhsuk-body-s nhsuk-u-margin-bottom-0">{says}</div> : null}
        {injection ? <div className="nhsuk-body-s nhsuk-u-margin-bottom-0">{injection}</div> : null}
        {sooner ? <div className="nhsuk-body-s nhsuk-u-margin-bottom-0">{sooner}</div> : null}
      </Table.Cell>
      <Table.Cell>
        {m.current ? (
          <ul className="nhsuk-list nhsuk-body-s nhsuk-u-margin-bottom-0">
            {m.injection ? (
              <li>
                <Link to={`${base}/injection`}>
                  Record an injection<span className="nhsuk-u-visually-hidden"> of {m.name}</span>
                </Link>
              </li>
            ) : null}
            <li>
              <Link to={`${base}/person-says`}>
                Record what the person says<span className="nhsuk-u-visually-hidden"> about {m.name}</span>
              </Link>
            </li>
            {prescriber ? (
              <li>
                <Link to={`${base}/stop`}>
                  Stop<span className="nhsuk-u-visually-hidden"> {m.name}</span>
                </Link>
              </li>
            ) : null}
          </ul>
        ) : null}
      </Table.Cell>
    </Table.Row>
  );
}

function MedicinesTable({ personId, medicines, caption, prescriber }: { personId: string; medicines: PersonMedicine[]; caption: string; prescriber: boolean }) {
  return (
    <Table caption={caption} responsive>
      <Table.Head>
        <Table.Row>
          <Table.Cell>Medicine</Table.Cell>
          <Table.Cell>Prescribed</Table.Cell>
          <Table.Cell>Now</Table.Cell>
          <Table.Cell>Record</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {medicines.map((m) => (
          <MedicineRow key={m.id} personId={personId} medicine={m} prescriber={prescriber} />
        ))}
      </Table.Body>
    </Table>
  );
}

/**
 * The person's medicines on their record: current ones with injections due and anything the person
 * said about stopping, past ones folded away. Prescribers may prescribe and stop; anyone caring for
 * the person records doses given and what the person says.
 */
export function MedicinesSection({ personId }: { personId: string }) {
  const user = useSignedInUser();
  const prescriber = user.role === 'prescriber';
  const state = useMedicines(personId);
  const current = state.status === 'loaded' ? state.data.medicines.filter((m) => m.current) : [];
  const past = state.status === 'loaded' ? state.data.medicines.filter((m) => !m.current) : [];
  return (
    <section aria-labelledby="medicines-heading">
      <h2 className="nhsuk-heading-m" id="medicines-heading">
        Medicines
      </h2>
      {state.status === 'loading' ? <p className="nhsuk-body">Loading the medicines…</p> : null}
      {state.status === 'failed' ? <p className="nhsuk-body">The medicines could not be shown: {state.problem.message}</p> : null}
      {state.status === 'loaded' && current.length === 0 ? <p className="nhsuk-body">No current medicines recorded.</p> : null}
      {current.length ? <MedicinesTable personId={personId} medicines={current} caption="Current medicines" prescriber={prescriber} /> : null}
      {past.length ? (
        <Details>
          <Details.Summary>Past medicines ({past.length})</Details.Summary>
          <Details.Text>
            <MedicinesTable personId={personId} medicines={past} caption="Past medicines" prescriber={prescriber} />
          </Details.Text>
        </Details>
      ) : null}
      {prescriber ? (
        <p className="nhsuk-body">
          <Link to={`/people/${encodeURIComponent(personId)}/medicines/new`}>Prescribe a medicine</Link>
        </p>
      ) : null}
    </section>
  );
}
