import { useApiResource } from '../api/use-api-resource.ts';

/** GET /api/sign-in-methods: what this installation offers (docs/single-sign-on.md). */
export interface SignInMethods {
  passwords: boolean;
  sso: { label: string; start: string } | null;
}

/** What the sign-in page offers; passwords alone until the server says otherwise, or if it cannot be asked. */
export function useSignInMethods(): SignInMethods | undefined {
  const methods = useApiResource<SignInMethods>('/api/sign-in-methods');
  if (methods.status === 'loaded') return methods.data;
  if (methods.status === 'failed') return { passwords: true, sso: null };
  return undefined;
}

/**
 * The single sign-on button: a link, because it leaves for the provider's site, styled as the
 * primary button. `returnTo` brings the person back to the page they were sent to sign in from.
 */
export function SingleSignOnLink({ sso, returnTo }: { sso: NonNullable<SignInMethods['sso']>; returnTo: string | undefined }) {
  const href = returnTo ? `${sso.start}?returnTo=${encodeURIComponent(returnTo)}` : sso.start;
  return (
    <p>
      <a className="nhsuk-button" href={href} draggable="false">
        {sso.label}
      </a>
    </p>
  );
}
