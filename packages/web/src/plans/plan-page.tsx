import { BackLink, Table } from 'nhsuk-react-components';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useApiResource } from '../api/use-api-resource.ts';
import { formatDateTime } from '../format/dates.ts';
import { fullName } from '../format/people.ts';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading, NotFoundPage, ProblemPage } from '../layout/status-pages.tsx';
import { AccessRefused } from '../people/access-refused.tsx';
import { usePersonRecord } from '../people/use-person-record.ts';
import { isPlanKind, planKinds } from '../../../domain/src/plans/plan-kinds.ts';
import { PlanDetails } from './plan-details.tsx';
import { CommunityReferralsSection } from '../community-assets/community-referrals-section.tsx';
import { currentPlanOf, type PersonPlansResponse, type PlanResponse, type PlanVersionResponse } from './plan-types.ts';

/**
 * One kind of plan for a person (docs/plans.md): the current version, the way to edit it, and every
 * version with who saved it, when and what changed. `?version=N` shows an earlier version instead.
 */
export function PlanPage() {
  const { id = '', kind = '' } = useParams();
  const [params] = useSearchParams();
  const { state, reload } = usePersonRecord(id);
  const base = `/api/people/${encodeURIComponent(id)}/plans`;
  const plans = useApiResource<PersonPlansResponse>(state.status === 'loaded' ? base : null);
  const current = plans.status === 'loaded' ? currentPlanOf(plans.data.plans, kind) : undefined;
  const detail = useApiResource<PlanResponse>(current ? `${base}/${encodeURIComponent(current.id)}` : null);
  const asked = Number(params.get('version'));
  const earlier = useApiResource<PlanVersionResponse>(current && asked > 0 && asked !== current.version ? `${base}/${encodeURIComponent(current.id)}/versions/${asked}` : null);

  if (!isPlanKind(kind)) return <NotFoundPage />;
  if (state.status === 'loading') return <Loading what="the record" />;
  if (state.status === 'refused') return <AccessRefused personId={id} problem={state.problem} onGranted={reload} />;
  if (state.status === 'failed') return <ProblemPage problem={state.problem} title="The record could not be shown" />;
  for (const resource of [plans, detail, earlier]) if (resource.status === 'failed') return <ProblemPage problem={resource.problem} title="The plan could not be shown" />;
  const label = planKinds[kind].label;
  const name = fullName(state.record.person.name.given, state.record.person.name.family);
  const page = `/people/${encodeURIComponent(id)}/plans/${kind}`;

  return (
    <>
      <BackLink asElement={Link} to={`/people/${encodeURIComponent(id)}`}>
        Back to the record
      </BackLink>
      <PageHeading title={`${label} for ${name}`} caption={name}>
        {label}
      </PageHeading>
      <p className="nhsuk-body">{planKinds[kind].intro}</p>
      {plans.status !== 'loaded' || (current && detail.status !== 'loaded') ? (
        <Loading what="the plan" />
      ) : !current ? (
        <>
          <p className="nhsuk-body">{name} has no {label.toLowerCase()} yet.</p>
          <p className="nhsuk-body">
            <Link to={`${page}/edit`}>Write a {label.toLowerCase()} with {name}</Link>
          </p>
        </>
      ) : detail.status === 'loaded' ? (
        <>
          {earlier.status === 'loaded' ? (
            <section aria-labelledby="shown-version-heading">
              <h2 className="nhsuk-heading-m" id="shown-version-heading">
                Version {earlier.data.version}, saved {formatDateTime(earlier.data.savedAt)}
              </h2>
              <p className="nhsuk-body">
                This is an earlier version. <Link to={page}>Show the current version</Link>
              </p>
              <PlanDetails plan={earlier.data.plan} name={name} />
            </section>
          ) : earlier.status === 'loading' ? (
            <Loading what="the earlier version" />
          ) : (
            <section aria-labelledby="shown-version-heading">
              <h2 className="nhsuk-heading-m" id="shown-version-heading">
                Current version ({detail.data.plan.version})
              </h2>
              <p className="nhsuk-body">
                <Link to={`${page}/edit`}>Edit the {label.toLowerCase()}</Link>
              </p>
              <PlanDetails plan={detail.data.plan} name={name} />
            </section>
          )}
          <Table caption="Versions" responsive>
            <Table.Head>
              <Table.Row>
                <Table.Cell>Version</Table.Cell>
                <Table.Cell>Saved</Table.Cell>
                <Table.Cell>By</Table.Cell>
                <Table.Cell>What changed</Table.Cell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {detail.data.versions.map((v) => (
                <Table.Row key={v.version}>
                  <Table.Cell>
                    <Link to={`${page}?version=${v.version}`}>Version {v.version}</Link>
                  </Table.Cell>
                  <Table.Cell>{formatDateTime(v.savedAt)}</Table.Cell>
                  <Table.Cell>{v.savedBy ?? 'Imported from another system'}</Table.Cell>
                  <Table.Cell>{v.changes.join('; ')}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </>
      ) : null}
      {kind === 'care-plan' ? <CommunityReferralsSection personId={id} name={name} /> : null}
    </>
  );
}
