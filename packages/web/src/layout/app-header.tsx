import { Header } from 'nhsuk-react-components';
import { Link, useLocation } from 'react-router-dom';
import { useSession } from '../auth/session-context.tsx';
import { isClinicalRole, roleLabel } from '../format/roles.ts';
import { reportLinks, worklistLinks } from './sections.ts';
import { communityPartner } from '../community-assets/community-partner.ts';

/** The NHS header: service name, who is signed in and in what role, sign out, and the app's sections. */
export function AppHeader() {
  const { session, signOut } = useSession();
  const { pathname } = useLocation();
  const user = session.status === 'signed-in' ? session.user : undefined;
  const sections = user
    ? [
        // Key workers start from their own caseload; managers from the team's, and the MDT board.
        ...(user.role === 'key-worker' ? [{ to: '/caseload', text: 'My caseload' }] : []),
        ...(user.role === 'team-manager' ? [{ to: '/team/caseload', text: 'Team caseload' }] : []),
        ...(user.role === 'team-manager' || user.role === 'key-worker' ? [{ to: '/team/mdt', text: 'MDT board' }] : []),
        ...(isClinicalRole(user.role) ? [{ to: '/people', text: 'Find a person' }] : []),
        // Every worklist and report behind one link each, so the header fits a screen as they grow.
        ...(worklistLinks.some((l) => l.shownTo(user)) ? [{ to: '/worklists', text: 'Worklists' }] : []),
        ...(user.role === 'team-manager' ? [{ to: '/referrals/triage', text: 'Triage' }] : []),
        ...(reportLinks.some((l) => l.shownTo(user)) ? [{ to: '/reports', text: 'Reports' }] : []),
        ...(user.role === 'admin' ? [{ to: '/audit', text: 'Audit log' }] : []),
        ...(user.role === 'admin' ? [{ to: '/gp-practices', text: 'GP practices' }] : []),
        ...(user.role === 'admin' || user.role === 'team-manager' ? [{ to: '/sharing-agreements', text: 'Sharing agreements' }] : []),
        // Any partner organisation sees the people shared with it under an agreement (docs/partners-and-sharing.md).
        ...(user.role === 'partner-agency' && user.organisationId ? [{ to: '/partner', text: 'People shared with you' }] : []),
        // A partner linked to its organisation: a GP practice sees its shared care responsibilities.
        ...(user.role === 'partner-agency' && user.organisationId && !communityPartner(user) ? [{ to: '/shared-care', text: 'Shared care' }] : []),
        ...(user.role === 'partner-agency' && user.organisationId && !communityPartner(user) ? [{ to: '/gp-practice/documents', text: 'Documents from the mental health team' }] : []),
        // The community assets directory is for staff and the community services that keep it; those services answer referrals to them.
        ...(isClinicalRole(user.role) || user.role === 'admin' || communityPartner(user) ? [{ to: '/community-assets', text: 'Community services' }] : []),
        ...(communityPartner(user) ? [{ to: '/community-assets/referrals', text: 'Referrals to you' }] : []),
      ]
    : [];
  return (
    <Header service={{ text: 'Continuity', href: '/' }}>
      {user ? (
        <Header.Account aria-label="Your account">
          <Header.AccountItem icon>
            <span className="app-account-name">{user.displayName}</span>
            <span className="nhsuk-u-visually-hidden">, </span>
            <span className="app-account-role">{roleLabel(user.role)}</span>
          </Header.AccountItem>
          <Header.AccountItem
            formProps={{
              onSubmit: (event) => {
                event.preventDefault();
                void signOut();
              },
            }}
            type="submit"
          >
            Sign out
          </Header.AccountItem>
        </Header.Account>
      ) : null}
      {sections.length ? (
        <Header.Navigation aria-label="Sections">
          {sections.map((section) => (
            <Header.NavigationItem key={section.to} asElement={Link} to={section.to} current={pathname === section.to} active={pathname.startsWith(`${section.to}/`)}>
              {section.text}
            </Header.NavigationItem>
          ))}
        </Header.Navigation>
      ) : null}
    </Header>
  );
}
