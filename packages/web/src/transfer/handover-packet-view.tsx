import { WarningCallout } from 'nhsuk-react-components';
import { formatDate } from '../format/dates.ts';
import type { HandoverPacket } from './transfer-types.ts';

/**
 * The handover packet: what is missing first, in words, then each section with the records it came
 * from. An empty section says so; nothing is left out quietly.
 */
export function HandoverPacketView({ packet, headingLevel = 2 }: { packet: HandoverPacket; headingLevel?: 2 | 3 }) {
  const H = `h${headingLevel}` as const;
  const Sub = `h${headingLevel + 1}` as 'h3' | 'h4';
  return (
    <section aria-labelledby="packet-heading" className="app-handover-packet">
      <H id="packet-heading" className="nhsuk-heading-m">
        Handover packet
      </H>
      {packet.missing.length ? (
        <WarningCallout className="app-packet-missing">
          <WarningCallout.Heading headingLevel={`h${headingLevel + 1}` as 'h3'}>Missing from the record</WarningCallout.Heading>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {packet.missing.map((m) => (
              <li key={m.section}>{m.message}</li>
            ))}
          </ul>
        </WarningCallout>
      ) : (
        <p className="nhsuk-body">Every required section has a record.</p>
      )}
      {packet.sections.map((section) => (
        <section key={section.code} aria-labelledby={`packet-${section.code}`} className="app-packet-section">
          <Sub id={`packet-${section.code}`} className="nhsuk-heading-s">
            {section.title}
          </Sub>
          {section.items.length === 0 ? (
            <p className="nhsuk-body">{section.missing ? <strong>Missing. </strong> : null}{section.missing ?? section.none}</p>
          ) : (
            <ul className="nhsuk-list">
              {section.items.map((item) => (
                <li key={item.reference} className="app-packet-item">
                  <strong>{item.title}</strong>
                  {item.date ? `, ${formatDate(item.date)}` : ''}
                  {item.detail ? <span className="nhsuk-body-s app-block">{item.detail}</span> : null}
                  {item.text ? <span className="app-block">{item.text}</span> : null}
                  <span className="nhsuk-body-s app-block">From {item.reference}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </section>
  );
}
