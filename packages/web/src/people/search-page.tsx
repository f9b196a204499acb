import { Button, TextInput } from 'nhsuk-react-components';
import { useEffect, useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { api, ApiProblem } from '../api/client.ts';
import type { PersonSearchResult } from '../api/types.ts';
import { FormErrors, errorFor, type FormError } from '../forms/form-errors.tsx';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading } from '../layout/status-pages.tsx';
import { SearchResults } from './search-results.tsx';

type Found = { status: 'idle' } | { status: 'loading' } | { status: 'found'; query: string; results: PersonSearchResult[] } | { status: 'failed'; problem: ApiProblem };

/**
 * One search box for a name, a date of birth or an NHS number. The query is kept in the browser's history entry, not
 * in the address, so Back returns to the results while names and NHS numbers stay out of the
 * address bar and the history list of a shared computer.
 */
export function SearchPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const query = (location.state as { q?: string } | null)?.q ?? '';
  const [text, setText] = useState(query);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [found, setFound] = useState<Found>({ status: 'idle' });

  useEffect(() => setText(query), [query]);

  useEffect(() => {
    if (!query) return setFound({ status: 'idle' });
    let current = true;
    setFound({ status: 'loading' });
    api
      .get<{ results: PersonSearchResult[] }>(`/api/people?q=${encodeURIComponent(query)}`)
      .then(({ results }) => current && setFound({ status: 'found', query, results }))
      .catch((problem: unknown) => {
        if (!current) return;
        const p = problem instanceof ApiProblem ? problem : new ApiProblem(0, 'unexpected', 'The search did not work. Please try again.');
        if (p.code === 'invalid-input') {
          setErrors(p.fields.map((f) => ({ fieldId: 'search', message: `Search ${f.message}` })));
          setFound({ status: 'idle' });
        } else setFound({ status: 'failed', problem: p });
      });
    return () => {
      current = false;
    };
    // location.key: searching again for the same words runs the search again.
  }, [query, location.key]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const q = text.trim();
    if (!q) return setErrors([{ fieldId: 'search', message: 'Enter a name, date of birth or NHS number' }]);
    if (q.length > 100) return setErrors([{ fieldId: 'search', message: 'Search must be 100 characters or fewer' }]);
    setErrors([]);
    navigate('/people', { state: { q } });
  }

  return (
    <>
      <FormErrors errors={errors} />
      <PageHeading title={errors.length ? 'Error: Find a person' : 'Find a person'}>Find a person</PageHeading>
      <form onSubmit={submit} noValidate role="search" aria-label="People">
        <TextInput
          id="search"
          name="q"
          type="search"
          label="Name, date of birth or NHS number"
          labelProps={{ size: 's' }}
          hint="For example, Ada Lovelace, Lovelace 10/12/1985, or 943 476 5919"
          autoComplete="off"
          spellCheck={false}
          width={30}
          value={text}
          error={errorFor(errors, 'search')}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <Button type="submit">Search</Button>
      </form>
      {found.status === 'loading' ? <Loading what="search results" /> : null}
      {found.status === 'failed' ? (
        <div role="alert">
          <h2 className="nhsuk-heading-m">The search did not work</h2>
          <p className="nhsuk-body">{found.problem.message}</p>
        </div>
      ) : null}
      {found.status === 'found' ? <SearchResults query={found.query} results={found.results} /> : null}
    </>
  );
}
