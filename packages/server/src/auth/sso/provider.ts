import * as oidc from 'openid-client';
import { ApiError } from '../../http/errors.ts';
import { isLoopback, type SsoSettings } from './sso-settings.ts';

/**
 * The provider's configuration from its discovery document, fetched on first use rather than at
 * start-up, so the server starts (and local passwords work) while the provider is unreachable; a
 * failed fetch is tried again on the next sign-in.
 */
export function providerConfiguration(settings: SsoSettings): () => Promise<oidc.Configuration> {
  let found: Promise<oidc.Configuration> | undefined;
  return async () => {
    found ??= oidc.discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, {
      execute: isLoopback(new URL(settings.issuer)) ? [oidc.allowInsecureRequests] : [],
      timeout: 10,
    });
    try {
      return await found;
    } catch {
      found = undefined;
      throw new ApiError(502, 'sso-unavailable', 'The sign-in service could not be reached. Try again in a few minutes, or ask your IT service desk.');
    }
  };
}
