import { Button, Pagination, Table, TextInput } from 'nhsuk-react-components';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useApiResource } from '../api/use-api-resource.ts';
import { FormErrors, errorFor, type FormError } from '../forms/form-errors.tsx';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import type { GpPracticesResponse } from './gp-practice-types.ts';

/**
 * "GP practices" (administrators): every GP practice, found by name or ODS code, with where it
 * receives summaries from the mental health team: its FHIR endpoint, or read in the app. The search
 * is in the address (practices are not people), so Back from a change returns to the same page.
 */
export function GpPracticesPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const [text, setText] = useState(q);
  const [errors, setErrors] = useState<FormError[]>([]);
  useEffect(() => setText(q), [q]);
  const state = useApiResource<GpPracticesResponse>(`/api/gp-practices?${new URLSearchParams({ ...(q ? { q } : {}), page: String(page) })}`);
  const title = 'GP practices';
  if (state.status === 'failed' && state.problem.code !== 'invalid-input') return <ProblemPage problem={state.problem} title={state.problem.status === 403 ? 'You cannot see this page' : 'GP practices could not be shown'} />;
  const at = (p: number) => `/gp-practices?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const words = text.trim();
    if (words.length > 100) return setErrors([{ fieldId: 'q', message: 'Practice name or ODS code must be 100 characters or fewer' }]);
    setErrors([]);
    setParams(words ? { q: words } : {});
  };
  const data = state.status === 'loaded' ? state.data : undefined;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <>
      <FormErrors errors={errors} />
      <PageHeading title={errors.length ? `Error: ${title}` : title}>{title}</PageHeading>
      <p className="nhsuk-body">
        Summaries to a GP are sent to the practice’s FHIR endpoint when it has one; otherwise the practice reads them in Continuity. Summaries waiting or
        failed are sent to a new endpoint at their next attempt.
      </p>
      <form onSubmit={submit} noValidate role="search" aria-label="GP practices">
        <TextInput id="q" name="q" type="search" label="Practice name or ODS code" labelProps={{ size: 's' }} autoComplete="off" spellCheck={false} width={20} value={text} error={errorFor(errors, 'q')} onChange={(e) => setText(e.currentTarget.value)} />
        <Button type="submit" secondary>
          Search
        </Button>
      </form>
      {state.status === 'loading' ? <Loading what="GP practices" /> : null}
      {data ? (
        <section aria-labelledby="practice-count">
          <h2 id="practice-count" className="nhsuk-heading-m">
            {data.total === 0 ? 'No practices found' : data.total === 1 ? '1 practice' : `${data.total} practices`}
            {q ? ` for “${q}”` : ''}
            {pages > 1 ? `, page ${page} of ${pages}` : ''}
          </h2>
          {data.practices.length ? (
            <Table responsive caption="GP practices and where they receive summaries" captionProps={{ className: 'nhsuk-u-visually-hidden' }}>
              <Table.Head>
                <Table.Row>
                  <Table.Cell>Practice</Table.Cell>
                  <Table.Cell>ODS code</Table.Cell>
                  <Table.Cell>Summaries go to</Table.Cell>
                  <Table.Cell>
                    <span className="nhsuk-u-visually-hidden">Action</span>
                  </Table.Cell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {data.practices.map((p) => (
                  <Table.Row key={p.id} className="app-gp-practice">
                    <Table.Cell>{p.name}</Table.Cell>
                    <Table.Cell>{p.odsCode ?? 'Not recorded'}</Table.Cell>
                    <Table.Cell>{p.endpoint ? <code className="app-endpoint">{p.endpoint}</code> : 'Read in the app (no FHIR endpoint)'}</Table.Cell>
                    <Table.Cell>
                      <Link to={`/gp-practices/${encodeURIComponent(p.id)}/document-endpoint`} state={{ back: at(page) }}>
                        {p.endpoint ? 'Change' : 'Set'} endpoint<span className="nhsuk-u-visually-hidden"> for {p.name}</span>
                      </Link>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          ) : null}
          {pages > 1 ? (
            <Pagination aria-label="Pages of GP practices">
              {page > 1 ? (
                <Pagination.Link previous asElement={Link} to={at(page - 1)}>
                  Previous page
                </Pagination.Link>
              ) : null}
              {page < pages ? (
                <Pagination.Link next asElement={Link} to={at(page + 1)}>
                  Next page
                </Pagination.Link>
              ) : null}
            </Pagination>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
