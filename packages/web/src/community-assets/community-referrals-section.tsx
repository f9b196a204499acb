import { Table } from 'nhsuk-react-components';
import { Link } from 'react-router-dom';
import { useApiResource } from '../api/use-api-resource.ts';
import { formatDate } from '../format/dates.ts';
import { Loading } from '../layout/status-pages.tsx';
import { assetNeeds } from '../../../domain/src/community-assets/asset-lists.ts';
import type { CommunityReferral } from './community-asset-types.ts';

/**
 * On the care plan: the person's referrals to community assets and where each stands in the
 * closed loop (sent, accepted or declined by the service, attended or not), with the way to make one.
 */
export function CommunityReferralsSection({ personId, name }: { personId: string; name: string }) {
  const referrals = useApiResource<{ referrals: CommunityReferral[] }>(`/api/people/${encodeURIComponent(personId)}/community-referrals`);
  return (
    <section aria-labelledby="community-referrals-heading">
      <h2 className="nhsuk-heading-m" id="community-referrals-heading">
        Community services
      </h2>
      <p className="nhsuk-body">
        <Link to={`/people/${encodeURIComponent(personId)}/community-referrals/new`}>Refer {name} to a community service</Link>
      </p>
      {referrals.status === 'failed' ? (
        <p className="nhsuk-body">Referrals to community services could not be shown: {referrals.problem.message}</p>
      ) : referrals.status !== 'loaded' ? (
        <Loading what="referrals to community services" />
      ) : referrals.data.referrals.length === 0 ? (
        <p className="nhsuk-body">No referral to a community service yet.</p>
      ) : (
        <Table caption="Referrals to community services" responsive>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Service</Table.Cell>
              <Table.Cell>For</Table.Cell>
              <Table.Cell>Sent</Table.Cell>
              <Table.Cell>Status</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {referrals.data.referrals.map((r) => {
              const latest = r.history[r.history.length - 1];
              return (
                <Table.Row key={r.id}>
                  <Table.Cell>{r.asset.name}</Table.Cell>
                  <Table.Cell>
                    {(assetNeeds as Record<string, string>)[r.need] ?? r.need}: {r.reason}
                  </Table.Cell>
                  <Table.Cell>{formatDate(r.history[0]?.date ?? '')}</Table.Cell>
                  <Table.Cell>
                    {r.statusLabel}
                    {latest && r.status !== 'sent' ? ` on ${formatDate(latest.date)}` : ''}
                    {latest?.reason ? `: ${latest.reason}` : ''}
                  </Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}
