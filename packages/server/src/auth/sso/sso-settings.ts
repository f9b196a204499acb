import { readFileSync } from 'node:fs';
import { roleMappingProblems, type RoleMapping } from '@continuity/domain';

/**
 * Single sign-on through an OpenID Connect provider (NHS Care Identity Service 2, or a trust's
 * own), read from the environment once at start-up. Every setting and its meaning is in
 * docs/single-sign-on.md; a missing or wrong one stops the server starting, in words.
 */
export interface SsoSettings {
  /** The provider's issuer URL; its discovery document is at <issuer>/.well-known/openid-configuration. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back: this server's /api/sso/callback, as registered with the provider. */
  redirectUri: string;
  /** Space-separated; CIS2 sends the national RBAC roles only for "nationalrbacaccess". */
  scope: string;
  /** The words on the sign-in button. */
  label: string;
  roleMapping: RoleMapping;
}

export const SSO_ENV = {
  issuer: 'CONTINUITY_OIDC_ISSUER',
  clientId: 'CONTINUITY_OIDC_CLIENT_ID',
  clientSecret: 'CONTINUITY_OIDC_CLIENT_SECRET',
  redirectUri: 'CONTINUITY_OIDC_REDIRECT_URI',
  roleMapping: 'CONTINUITY_OIDC_ROLE_MAPPING',
  scope: 'CONTINUITY_OIDC_SCOPE',
  label: 'CONTINUITY_OIDC_LABEL',
  passwordSignIn: 'CONTINUITY_PASSWORD_SIGN_IN',
} as const;

export const DEFAULT_SCOPE = 'openid profile nationalrbacaccess';
/** The CIS2 "Care Identity button" says this, as far as we know (docs/single-sign-on.md). */
export const DEFAULT_LABEL = 'Log in with my Care Identity';

/**
 * The issuer as identities are keyed by (app_user_identity): the URL's normal form, the same form
 * openid-client compares the provider's discovery document against.
 */
export function issuerKey(issuer: string): string {
  return new URL(issuer).href;
}

/** Plain http only to a provider on this machine (development and tests): anywhere else tokens would cross the network in the clear. */
export function isLoopback(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

function checkedUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be a URL`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) throw new Error(`${name} must be an https URL (http only on this machine)`);
  return value;
}

/** The settings, or null when single sign-on is not configured (no issuer). */
export function ssoSettingsFrom(env: Record<string, string | undefined> = process.env): SsoSettings | null {
  const issuer = env[SSO_ENV.issuer]?.trim();
  if (!issuer) return null;
  const required = (key: keyof typeof SSO_ENV) => {
    const value = env[SSO_ENV[key]]?.trim();
    if (!value) throw new Error(`${SSO_ENV[key]} must be set when ${SSO_ENV.issuer} is (docs/single-sign-on.md)`);
    return value;
  };
  const redirectUri = checkedUrl(SSO_ENV.redirectUri, required('redirectUri'));
  if (!new URL(redirectUri).pathname.endsWith('/api/sso/callback')) throw new Error(`${SSO_ENV.redirectUri} must end in /api/sso/callback`);
  const mappingFile = required('roleMapping');
  let mapping: unknown;
  try {
    mapping = JSON.parse(readFileSync(mappingFile, 'utf8'));
  } catch (error) {
    throw new Error(`${SSO_ENV.roleMapping}: could not read ${mappingFile} as JSON (${error instanceof Error ? error.message : 'unknown error'})`);
  }
  const problems = roleMappingProblems(mapping);
  if (problems.length) throw new Error(`${SSO_ENV.roleMapping}: the role mapping ${problems.join('; ')}`);
  const scope = env[SSO_ENV.scope]?.trim() || DEFAULT_SCOPE;
  if (!scope.split(/\s+/).includes('openid')) throw new Error(`${SSO_ENV.scope} must include "openid"`);
  return {
    issuer: checkedUrl(SSO_ENV.issuer, issuer),
    clientId: required('clientId'),
    clientSecret: required('clientSecret'),
    redirectUri,
    scope,
    label: env[SSO_ENV.label]?.trim() || DEFAULT_LABEL,
    roleMapping: mapping as RoleMapping,
  };
}

/** Whether local passwords are offered: on unless CONTINUITY_PASSWORD_SIGN_IN=off, which needs single sign-on. */
export function passwordSignInFrom(env: Record<string, string | undefined>, sso: SsoSettings | null): boolean {
  const value = env[SSO_ENV.passwordSignIn]?.trim().toLowerCase();
  if (value === undefined || value === '' || value === 'on') return true;
  if (value !== 'off') throw new Error(`${SSO_ENV.passwordSignIn} must be "on" or "off"`);
  if (!sso) throw new Error(`${SSO_ENV.passwordSignIn}=off needs single sign-on (${SSO_ENV.issuer}): otherwise nobody could sign in`);
  return false;
}
