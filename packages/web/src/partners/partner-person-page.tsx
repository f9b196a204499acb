import { BackLink, Button, SummaryList, Textarea } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api/client.ts';
import { useApiResource } from '../api/use-api-resource.ts';
import { formatDate, formatDateTime } from '../format/dates.ts';
import { formatNhsNumber, fullName } from '../format/people.ts';
import { errorFor, errorsFromProblem, FormErrors, type FormError } from '../forms/form-errors.tsx';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import type { Coded, PartnerOrganisation, SharedPerson } from './partner-types.ts';
import { SummaryRow } from '../layout/summary-row.tsx';

type View = { organisation: PartnerOrganisation; categories: Coded[]; person: SharedPerson };

/** One person as a partner sees them: only the categories shared, each under its heading; and the form to raise a concern. */
export function PartnerPersonPage() {
  const { id = '' } = useParams();
  const state = useApiResource<View>(`/api/partner/people/${encodeURIComponent(id)}`);
  if (state.status === 'failed') return <ProblemPage problem={state.problem} title={state.problem.status === 404 ? 'This person is not shared with you' : 'This person could not be shown'} />;
  if (state.status !== 'loaded') return <Loading what="the person" />;
  const { person, categories, organisation } = state.data;
  const name = fullName(person.identity?.name.given, person.identity?.name.family);
  return (
    <>
      <BackLink asElement={Link} to="/partner">
        People shared with you
      </BackLink>
      <PageHeading title={`${name}: shared with ${organisation.name}`} caption={`NHS number ${formatNhsNumber(person.identity?.nhsNumber)}`}>
        {name}
      </PageHeading>
      <p className="nhsuk-body-s">
        Shared with {organisation.name} under an information-sharing agreement: {categories.map((c) => c.label.toLowerCase()).join(', ')}. Your viewing is recorded.
      </p>
      <SharedCategories person={person} />
      <ConcernForm personId={person.id} name={name} />
    </>
  );
}

/** Each shared category under its own heading; a category not shared is not there at all. */
function SharedCategories({ person }: { person: SharedPerson }) {
  const team = person['key-worker-and-team'];
  const plan = person['care-plan-summary'];
  const crisis = person['crisis-plan'];
  return (
    <>
      {person.identity || person.contact ? (
        <section aria-labelledby="shared-identity">
          <h2 className="nhsuk-heading-m" id="shared-identity">Who they are</h2>
          <SummaryList>
            {person.identity ? <SummaryRow label="Date of birth">{formatDate(person.identity.birthDate)}</SummaryRow> : null}
            {person.contact ? <SummaryRow label="Phone">{person.contact.phone ?? 'Not recorded'}</SummaryRow> : null}
            {person.contact ? <SummaryRow label="Postcode">{person.contact.postcode ?? 'Not recorded'}</SummaryRow> : null}
          </SummaryList>
        </section>
      ) : null}
      {team ? (
        <section aria-labelledby="shared-team">
          <h2 className="nhsuk-heading-m" id="shared-team">Key worker and team</h2>
          {team.length === 0 ? <p className="nhsuk-body">No team holds them now.</p> : null}
          <ul className="nhsuk-list">
            {team.map((t, i) => (
              <li key={i}>
                {t.team ?? 'A team'}: key worker {t.keyWorker ?? 'not allocated'}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {plan !== undefined ? (
        <section aria-labelledby="shared-plan">
          <h2 className="nhsuk-heading-m" id="shared-plan">Care plan summary</h2>
          {plan ? (
            <>
              <p className="nhsuk-body">Since {formatDate(plan.since)}{plan.lastReviewed ? `, last reviewed ${formatDate(plan.lastReviewed)}` : ''}.</p>
              <ul className="nhsuk-list nhsuk-list--bullet">{plan.goals.map((g, i) => <li key={i}>{g}</li>)}</ul>
            </>
          ) : (
            <p className="nhsuk-body">No current care plan.</p>
          )}
        </section>
      ) : null}
      {crisis !== undefined ? (
        <section aria-labelledby="shared-crisis">
          <h2 className="nhsuk-heading-m" id="shared-crisis">Crisis plan</h2>
          {crisis ? (
            <SummaryList>
              {crisis.crisisContact ? <SummaryRow label="Crisis contact">{crisis.crisisContact}</SummaryRow> : null}
              {crisis.sections.map((s, i) => <SummaryRow key={i} label={s.label}>{s.text}</SummaryRow>)}
            </SummaryList>
          ) : (
            <p className="nhsuk-body">No current crisis plan.</p>
          )}
        </section>
      ) : null}
      {person['current-medicines'] ? (
        <section aria-labelledby="shared-medicines">
          <h2 className="nhsuk-heading-m" id="shared-medicines">Current medicines</h2>
          {person['current-medicines'].length === 0 ? <p className="nhsuk-body">None prescribed by the trust.</p> : null}
          <ul className="nhsuk-list">{person['current-medicines'].map((m, i) => <li key={i}>{m.name}{m.dose ? `: ${m.dose}` : ''}</li>)}</ul>
        </section>
      ) : null}
      {person.appointments ? (
        <section aria-labelledby="shared-appointments">
          <h2 className="nhsuk-heading-m" id="shared-appointments">Appointments</h2>
          {person.appointments.length === 0 ? <p className="nhsuk-body">None booked.</p> : null}
          <ul className="nhsuk-list">{person.appointments.map((a, i) => <li key={i}>{formatDateTime(a.start)}</li>)}</ul>
        </section>
      ) : null}
      {person['red-flags'] ? (
        <section aria-labelledby="shared-flags">
          <h2 className="nhsuk-heading-m" id="shared-flags">Red flags</h2>
          {person['red-flags'].length === 0 ? <p className="nhsuk-body">None active.</p> : null}
          <ul className="nhsuk-list">{person['red-flags'].map((f, i) => <li key={i}>{f.text}{f.since ? ` (since ${formatDate(f.since)})` : ''}</li>)}</ul>
        </section>
      ) : null}
    </>
  );
}

/** A concern in the partner's own words: it reaches the person's key worker as a red flag. */
function ConcernForm({ personId, name }: { personId: string; name: string }) {
  const [concernId, setConcernId] = useState(() => crypto.randomUUID());
  const [words, setWords] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState('');
  async function send(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await api.post(`/api/partner/people/${encodeURIComponent(personId)}/concerns`, { concernId, words });
      setSent(`Your concern about ${name} has been sent to their team, who will see it as a red flag.`);
      setErrors([]);
      setWords('');
      setConcernId(crypto.randomUUID());
    } catch (problem) {
      setErrors(errorsFromProblem(problem, 'Your concern could not be sent. Please try again.', (field) => (field === 'words' ? { id: 'concern-words', label: 'Your concern' } : undefined)));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby="raise-concern">
      <h2 className="nhsuk-heading-m" id="raise-concern">Raise a concern</h2>
      <div role="status">{sent ? <p className="nhsuk-inset-text app-confirmation">{sent}</p> : null}</div>
      <FormErrors errors={errors} />
      <form noValidate onSubmit={(e) => void send(e)}>
        <Textarea id="concern-words" label="Your concern" hint="What you saw or heard, in your own words. It goes to their key worker as it is written." rows={5} value={words} error={errorFor(errors, 'concern-words')} onChange={(e) => setWords(e.currentTarget.value)} />
        <Button type="submit" disabled={busy}>
          Send concern
        </Button>
      </form>
    </section>
  );
}
