import { SkipLink } from 'nhsuk-react-components';
import { Outlet } from 'react-router-dom';
import { AppFooter } from './app-footer.tsx';
import { AppHeader } from './app-header.tsx';
import { Confirmation } from './confirmation.tsx';

/** Every page: skip link, header, one main landmark holding the page, footer. */
export function Layout() {
  return (
    <>
      <SkipLink href="#maincontent">Skip to main content</SkipLink>
      <AppHeader />
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id="maincontent" tabIndex={-1}>
          <Confirmation />
          <Outlet />
        </main>
      </div>
      <AppFooter />
    </>
  );
}
