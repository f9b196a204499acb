import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { issuerKey, passwordSignInFrom, ssoSettingsFrom } from '@continuity/server';

/** Single sign-on's settings are read once at start-up: a wrong one stops the server, saying which. */
describe('single sign-on settings from the environment', () => {
  const folder = mkdtempSync(join(tmpdir(), 'continuity-sso-settings-'));
  const mappingFile = join(folder, 'roles.json');
  writeFileSync(mappingFile, JSON.stringify({ rules: [{ role: 'key-worker', rbacRoleCodes: ['R8000'], orgCodes: ['RXX'] }] }));
  const env = {
    CONTINUITY_OIDC_ISSUER: 'https://cis2.example.nhs.uk/openam/oauth2/realms/root/realms/NHSIdentity/realms/Healthcare',
    CONTINUITY_OIDC_CLIENT_ID: 'continuity',
    CONTINUITY_OIDC_CLIENT_SECRET: 'secret',
    CONTINUITY_OIDC_REDIRECT_URI: 'https://continuity.example.nhs.uk/api/sso/callback',
    CONTINUITY_OIDC_ROLE_MAPPING: mappingFile,
  };

  it('is off without an issuer, and reads every setting with defaults when there is one', () => {
    expect(ssoSettingsFrom({})).toBeNull();
    expect(ssoSettingsFrom(env)).toEqual({
      issuer: env.CONTINUITY_OIDC_ISSUER,
      clientId: 'continuity',
      clientSecret: 'secret',
      redirectUri: env.CONTINUITY_OIDC_REDIRECT_URI,
      scope: 'openid profile nationalrbacaccess',
      label: 'Log in with my Care Identity',
      roleMapping: { rules: [{ role: 'key-worker', rbacRoleCodes: ['R8000'], orgCodes: ['RXX'] }] },
    });
  });

  it('refuses a missing or wrong setting, in words', () => {
    expect(() => ssoSettingsFrom({ ...env, CONTINUITY_OIDC_CLIENT_SECRET: ' ' })).toThrow('CONTINUITY_OIDC_CLIENT_SECRET must be set when CONTINUITY_OIDC_ISSUER is');
    expect(() => ssoSettingsFrom({ ...env, CONTINUITY_OIDC_ISSUER: 'http://cis2.example.nhs.uk' })).toThrow('CONTINUITY_OIDC_ISSUER must be an https URL (http only on this machine)');
    expect(ssoSettingsFrom({ ...env, CONTINUITY_OIDC_ISSUER: 'http://127.0.0.1:4000' })?.issuer).toBe('http://127.0.0.1:4000');
    expect(() => ssoSettingsFrom({ ...env, CONTINUITY_OIDC_REDIRECT_URI: 'https://continuity.example.nhs.uk/callback' })).toThrow('must end in /api/sso/callback');
    expect(() => ssoSettingsFrom({ ...env, CONTINUITY_OIDC_SCOPE: 'profile' })).toThrow('CONTINUITY_OIDC_SCOPE must include "openid"');
    expect(() => ssoSettingsFrom({ ...env, CONTINUITY_OIDC_ROLE_MAPPING: join(folder, 'missing.json') })).toThrow(/could not read .*missing\.json as JSON/);
    const badMapping = join(folder, 'bad.json');
    writeFileSync(badMapping, JSON.stringify({ rules: [{ role: 'superuser', rbacRoleCodes: ['R8000'] }] }));
    expect(() => ssoSettingsFrom({ ...env, CONTINUITY_OIDC_ROLE_MAPPING: badMapping })).toThrow('the role mapping rule 1: "role" must be a Continuity role');
  });

  it('turns passwords off only when single sign-on is on', () => {
    const sso = ssoSettingsFrom(env);
    expect(passwordSignInFrom({}, null)).toBe(true);
    expect(passwordSignInFrom({ CONTINUITY_PASSWORD_SIGN_IN: 'off' }, sso)).toBe(false);
    expect(() => passwordSignInFrom({ CONTINUITY_PASSWORD_SIGN_IN: 'off' }, null)).toThrow('needs single sign-on');
    expect(() => passwordSignInFrom({ CONTINUITY_PASSWORD_SIGN_IN: 'no' }, sso)).toThrow('must be "on" or "off"');
  });

  it('keys identities by the issuer’s normal form', () => {
    expect(issuerKey('https://cis2.example.nhs.uk:443/realms/Healthcare')).toBe('https://cis2.example.nhs.uk/realms/Healthcare');
    expect(issuerKey('http://127.0.0.1:4000')).toBe('http://127.0.0.1:4000/');
  });
});
