import { useCallback, useEffect, useState } from 'react';
import { api, ApiProblem } from '../api/client.ts';
import type { PersonRecordResponse, TimelineEntry } from '../api/types.ts';

export type PersonRecordState =
  | { status: 'loading' }
  | { status: 'loaded'; record: PersonRecordResponse; timeline: TimelineEntry[] }
  | { status: 'refused'; problem: ApiProblem }
  | { status: 'failed'; problem: ApiProblem };

/** Loads a person's record and timeline together; a refusal is a state of its own, not an error. */
export function usePersonRecord(personId: string): { state: PersonRecordState; reload: () => void } {
  const [state, setState] = useState<PersonRecordState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    const path = `/api/people/${encodeURIComponent(personId)}`;
    // The record first: its refusal, if any, is the one to show; the timeline then rides on the same access.
    api
      .get<PersonRecordResponse>(path)
      .then(async (record) => {
        const { entries } = await api.get<{ entries: TimelineEntry[] }>(`${path}/timeline`);
        if (current) setState({ status: 'loaded', record, timeline: entries });
      })
      .catch((problem: unknown) => {
        if (!current) return;
        const p = problem instanceof ApiProblem ? problem : new ApiProblem(0, 'unexpected', 'The record could not be shown. Please try again.');
        setState(p.status === 403 ? { status: 'refused', problem: p } : { status: 'failed', problem: p });
      });
    return () => {
      current = false;
    };
  }, [personId, attempt]);

  return { state, reload };
}
