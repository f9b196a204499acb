import { formatDateTime } from '../format/dates.ts';
import { deliveryStatusWords as WORDS } from '../format/domain-rules.ts';
import type { SentSummary } from './gp-summary-types.ts';

/** Where a summary is in its delivery, in words: when it went, or why not and when it is tried again. */
export function DeliveryStatus({ sent }: { sent: SentSummary }) {
  return (
    <p className="nhsuk-body app-gp-summary-status">
      <strong className={`nhsuk-tag ${sent.status === 'failed' ? 'nhsuk-tag--red' : sent.status === 'delivered' ? 'nhsuk-tag--green' : 'nhsuk-tag--blue'}`}>{WORDS[sent.status]}</strong>{' '}
      {sent.status === 'delivered' ? `on ${formatDateTime(sent.deliveredAt)}.` : null}
      {sent.status === 'failed'
        ? `${sent.lastError ?? 'The practice’s system did not take it'} (${sent.attempts} ${sent.attempts === 1 ? 'attempt' : 'attempts'}). ${sent.nextAttemptAt ? `It will be tried again at ${formatDateTime(sent.nextAttemptAt)}.` : 'It will not be tried again unless you send it again.'}`
        : null}
      {sent.status === 'in-app' ? 'The practice has no system to send it to: its account lists it under "Documents from the mental health team".' : null}
    </p>
  );
}
