import { useEffect, useState } from 'react';
import { api, ApiProblem } from './client.ts';

export type Loaded<T> = { status: 'idle' } | { status: 'loading' } | { status: 'loaded'; data: T } | { status: 'failed'; problem: ApiProblem };

/** Loads a GET endpoint whenever its path (or `refresh`, after a change was saved) changes; no path: nothing to load yet. */
export function useApiResource<T>(path: string | null, refresh = 0): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ status: path ? 'loading' : 'idle' });
  useEffect(() => {
    if (!path) return setState({ status: 'idle' });
    let current = true;
    setState({ status: 'loading' });
    api
      .get<T>(path)
      .then((data) => current && setState({ status: 'loaded', data }))
      .catch((problem: unknown) => {
        if (current) setState({ status: 'failed', problem: problem instanceof ApiProblem ? problem : new ApiProblem(0, 'unexpected', 'This could not be shown. Please try again.') });
      });
    return () => {
      current = false;
    };
  }, [path, refresh]);
  return state;
}
