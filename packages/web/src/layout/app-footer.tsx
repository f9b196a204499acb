import { Footer } from 'nhsuk-react-components';

export function AppFooter() {
  return (
    <Footer>
      <Footer.Meta>
        <p className="nhsuk-body-s">
          Continuity: community mental health records. Every view of a person's record is recorded with who, when and why.
        </p>
        <Footer.Copyright>Open source, MIT licence</Footer.Copyright>
      </Footer.Meta>
    </Footer>
  );
}
