import { Link } from 'react-router-dom';
import type { ApiProblem } from '../api/client.ts';
import { PageHeading } from './page-heading.tsx';

/** Shown while a page's data is on its way; announced politely to screen readers. */
export function Loading({ what }: { what: string }) {
  return (
    <div role="status" aria-live="polite">
      <p className="nhsuk-body">Loading {what}…</p>
    </div>
  );
}

/** A page that could not be shown, in plain words, with the server's own sentence. */
export function ProblemPage({ problem, title = 'Sorry, there is a problem' }: { problem: ApiProblem | Error; title?: string }) {
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="nhsuk-body">{problem.message}</p>
      <p className="nhsuk-body">
        <Link to="/">Go to the start page</Link>
      </p>
    </>
  );
}

export function NotFoundPage() {
  return (
    <>
      <PageHeading title="Page not found">Page not found</PageHeading>
      <p className="nhsuk-body">If you typed the web address, check it is correct.</p>
      <p className="nhsuk-body">If you pasted the web address, check you copied the entire address.</p>
      <p className="nhsuk-body">
        <Link to="/">Go to the start page</Link>
      </p>
    </>
  );
}
