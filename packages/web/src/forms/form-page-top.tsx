import { BackLink } from 'nhsuk-react-components';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { PageHeading } from '../layout/page-heading.tsx';
import { FormErrors, type FormError } from './form-errors.tsx';

/**
 * The top of every form page, as the NHS design system lays it out: the back link, the error
 * summary (which takes focus), and the heading, whose page title starts "Error:" while the form has errors.
 */
export function FormPageTop({ back, errors, title, caption, children }: { back: string; errors: FormError[]; title: string; caption?: string; children: ReactNode }) {
  return (
    <>
      <BackLink asElement={Link} to={back}>
        Back
      </BackLink>
      <FormErrors errors={errors} />
      <PageHeading title={errors.length ? `Error: ${title}` : title} caption={caption}>
        {children}
      </PageHeading>
    </>
  );
}
