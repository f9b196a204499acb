import { Link } from 'react-router-dom';
import { useSignedInUser } from '../auth/session-context.tsx';
import { PageHeading } from './page-heading.tsx';
import { reportLinks, worklistLinks, type SectionLink } from './sections.ts';

function SectionIndex({ title, intro, links }: { title: string; intro: string; links: readonly SectionLink[] }) {
  const user = useSignedInUser();
  const shown = links.filter((l) => l.shownTo(user));
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="nhsuk-body">{intro}</p>
      {shown.length === 0 ? <p className="nhsuk-body">There are none for your role.</p> : null}
      <ul className="nhsuk-list nhsuk-list--border">
        {shown.map((l) => (
          <li key={l.to}>
            <Link className="nhsuk-heading-s nhsuk-u-margin-bottom-1 app-block" to={l.to}>
              {l.text}
            </Link>
            <span className="nhsuk-body-s">{l.says}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The worklists: every person on each is there for a reason, with the records that show it. */
export function WorklistsPage() {
  return <SectionIndex title="Worklists" intro="Each list shows people who need something done, each with the reasons and the records behind them. None of them is a risk score." links={worklistLinks} />;
}

/** The reports: counts for those who answer for the service, no people named unless the role may see them. */
export function ReportsPage() {
  return <SectionIndex title="Reports" intro="Figures for those who answer for the service, as of a day or over a period." links={reportLinks} />;
}
