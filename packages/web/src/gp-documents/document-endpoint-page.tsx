import { Button, SummaryList, TextInput } from 'nhsuk-react-components';
import { useEffect, useState, type FormEvent } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { api, ApiProblem } from '../api/client.ts';
import { useApiResource } from '../api/use-api-resource.ts';
import { errorFor, errorsFromProblem, type FormError } from '../forms/form-errors.tsx';
import { FormPageTop } from '../forms/form-page-top.tsx';
import { SummaryRow } from '../layout/summary-row.tsx';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import type { GpPractice } from './gp-practice-types.ts';

const LABEL = 'FHIR base address';
const fieldOf = (apiField: string) => (apiField === 'endpoint' ? { id: 'endpoint', label: LABEL } : undefined);

/**
 * Setting or clearing where a GP practice receives summaries (administrators). Saved on the version
 * read: when someone changed the practice meanwhile, the page says what it holds now and reloads it,
 * so the next save is made knowing that.
 */
export function DocumentEndpointPage() {
  const { practiceId = '' } = useParams();
  const back = (useLocation().state as { back?: string } | null)?.back ?? '/gp-practices';
  const navigate = useNavigate();
  const [refresh, setRefresh] = useState(0);
  const state = useApiResource<{ practice: GpPractice }>(`/api/gp-practices/${encodeURIComponent(practiceId)}`, refresh);
  const [endpoint, setEndpoint] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const practice = state.status === 'loaded' ? state.data.practice : undefined;
  useEffect(() => setEndpoint(practice?.endpoint ?? ''), [practice]);
  if (state.status === 'failed') return <ProblemPage problem={state.problem} title={state.problem.status === 403 ? 'You cannot see this page' : 'The practice could not be shown'} />;
  if (!practice) return <Loading what="the practice" />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const saved = await api.put<{ practice: GpPractice }>(`/api/gp-practices/${encodeURIComponent(practice.id)}/document-endpoint`, { version: practice.version, endpoint: endpoint.trim() || null });
      const where = saved.practice.endpoint ? `summaries go to ${saved.practice.endpoint}` : 'the practice reads summaries in the app';
      navigate(back, { state: { confirmation: `Saved for ${saved.practice.name}: ${where}.` } });
    } catch (problem) {
      setErrors(errorsFromProblem(problem, 'This could not be saved. Please try again.', fieldOf));
      if (problem instanceof ApiProblem && problem.status === 409) setRefresh((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };
  const title = `Where ${practice.name} receives summaries`;
  return (
    <>
      <FormPageTop back={back} errors={errors} title={title} caption="GP practices">
        {title}
      </FormPageTop>
      <SummaryList>
        <SummaryRow label="ODS code">{practice.odsCode ?? 'Not recorded'}</SummaryRow>
        <SummaryRow label="Now">{practice.endpoint ?? 'Read in the app (no FHIR endpoint)'}</SummaryRow>
      </SummaryList>
      <form noValidate onSubmit={submit}>
        <TextInput
          id="endpoint"
          name="endpoint"
          type="url"
          label={LABEL}
          hint="The address of the practice’s FHIR server: summaries are sent to it followed by /Bundle. It must start https://. Leave it empty for the practice to read summaries in Continuity."
          autoComplete="off"
          spellCheck={false}
          value={endpoint}
          error={errorFor(errors, 'endpoint')}
          onChange={(e) => setEndpoint(e.currentTarget.value)}
        />
        <Button type="submit" disabled={busy}>
          Save
        </Button>
      </form>
    </>
  );
}
