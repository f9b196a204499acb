import { Select, Table, Tag } from 'nhsuk-react-components';
import { useEffect, useMemo, useState } from 'react';
import { useLocation } from 'react-router-dom';
import type { TimelineEntry } from '../api/types.ts';
import { formatDate } from '../format/dates.ts';
import { evidenceAnchor } from '../worklists/evidence.ts';

/** The kinds of entry, in words; the server's categories (packages/domain timeline/describe.ts). */
const KINDS: Record<string, string> = {
  contact: 'Contact',
  admission: 'Admission',
  referral: 'Referral',
  episode: 'Episode of care',
  diagnosis: 'Diagnosis',
  medicine: 'Medicine',
  result: 'Result',
  plan: 'Plan',
  flag: 'Flag',
  communication: 'Communication',
  family: 'Family and carers',
  other: 'Other',
};
const kindLabel = (category: string) => KINDS[category] ?? category;

/** Everything recorded about the person, newest first, with a filter by kind. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const [kind, setKind] = useState('all');
  const counts = useMemo(() => {
    const byKind = new Map<string, number>();
    for (const entry of entries) byKind.set(entry.category, (byKind.get(entry.category) ?? 0) + 1);
    return [...byKind].sort(([a], [b]) => kindLabel(a).localeCompare(kindLabel(b)));
  }, [entries]);
  const shown = kind === 'all' ? entries : entries.filter((e) => e.category === kind);
  // A worklist's evidence link names a row here: show everything, then move to that row so it is read first.
  const { hash } = useLocation();
  useEffect(() => {
    if (!hash.startsWith('#record-')) return;
    setKind('all');
    const row = document.getElementById(decodeURIComponent(hash.slice(1)));
    row?.scrollIntoView({ block: 'center' });
    row?.focus();
  }, [hash, entries]);

  return (
    <section aria-labelledby="timeline-heading">
      <h2 className="nhsuk-heading-m" id="timeline-heading">
        Timeline
      </h2>
      {entries.length === 0 ? (
        <p className="nhsuk-body">Nothing has been recorded yet.</p>
      ) : (
        <>
          <Select id="timeline-kind" label="Show" value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
            <Select.Option value="all">Everything ({entries.length})</Select.Option>
            {counts.map(([category, count]) => (
              <Select.Option key={category} value={category}>
                {kindLabel(category)} ({count})
              </Select.Option>
            ))}
          </Select>
          <p className="nhsuk-u-visually-hidden" role="status" aria-live="polite">
            Showing {shown.length} of {entries.length} entries
          </p>
          <Table responsive caption="Entries, newest first" captionProps={{ className: 'nhsuk-u-visually-hidden' }}>
            <Table.Head>
              <Table.Row>
                <Table.Cell>Date</Table.Cell>
                <Table.Cell>Kind</Table.Cell>
                <Table.Cell>What happened</Table.Cell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {shown.map((entry) => (
                <Table.Row
                  key={`${entry.resourceType}/${entry.id}`}
                  id={evidenceAnchor(`${entry.resourceType}/${entry.id}`)}
                  tabIndex={-1}
                  className={`app-timeline-entry${hash === `#${evidenceAnchor(`${entry.resourceType}/${entry.id}`)}` ? ' app-timeline-target' : ''}`}
                >
                  <Table.Cell className="app-nowrap">{formatDate(entry.date)}</Table.Cell>
                  <Table.Cell>
                    <Tag modifier="white">{kindLabel(entry.category)}</Tag>
                  </Table.Cell>
                  <Table.Cell>
                    <span className="app-timeline-title">{entry.title}</span>
                    {entry.detail ? <span className="nhsuk-body-s app-timeline-detail">{entry.detail}</span> : null}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </>
      )}
    </section>
  );
}
