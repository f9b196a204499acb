import { Navigate } from 'react-router-dom';
import { useSignedInUser } from '../auth/session-context.tsx';
import { isClinicalRole, roleLabel } from '../format/roles.ts';
import { PageHeading } from './page-heading.tsx';
import { communityPartner } from '../community-assets/community-partner.ts';

/** Sends each role to where its work starts; roles with nothing here yet are told so plainly. */
export function HomePage() {
  const user = useSignedInUser();
  // A key worker's day starts from the people they hold; a manager's from the team's caseload.
  if (user.role === 'key-worker') return <Navigate to="/caseload" replace />;
  if (user.role === 'team-manager') return <Navigate to="/team/caseload" replace />;
  if (isClinicalRole(user.role)) return <Navigate to="/people" replace />;
  if (user.role === 'admin') return <Navigate to="/audit" replace />;
  // The police and the local authority come for the people shared with them, not for community referrals or shared care.
  if (user.role === 'partner-agency' && (user.organisationKind === 'police' || user.organisationKind === 'local-authority')) return <Navigate to="/partner" replace />;
  if (communityPartner(user)) return <Navigate to="/community-assets/referrals" replace />;
  if (user.role === 'partner-agency' && user.organisationId) return <Navigate to="/shared-care" replace />;
  return (
    <>
      <PageHeading title="Continuity">Continuity</PageHeading>
      <p className="nhsuk-body">
        You are signed in as {user.displayName} ({roleLabel(user.role)}). Your role does not open individual people’s records,
        and the pages for your role are not available yet.
      </p>
    </>
  );
}
