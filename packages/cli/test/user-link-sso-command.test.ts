import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoAccounts } from '@continuity/server';
import { findLinkedUser, listAudit, openStore } from '@continuity/store';
import { migratedDataDir } from './support/migrated-data-dir.ts';
import { continuity } from './support/run-continuity.ts';

const ISSUER = 'https://cis2.example.nhs.uk/openam/oauth2/realms/root/realms/NHSIdentity/realms/Healthcare';

describe('continuity user link-sso', () => {
  const dataDir = migratedDataDir('continuity-link-sso-');
  beforeAll(async () => {
    const store = await openStore({ dataDir });
    try {
      await createDemoAccounts(store);
    } finally {
      await store.close();
    }
  });

  it('links an account to its identity at the provider, audited, and refuses to give one identity to two accounts', async () => {
    const linked = await continuity('user', 'link-sso', '--username', 'keyworker', '--subject', '555254239107', '--issuer', ISSUER, '--json', '--data-dir', dataDir);
    expect(linked.code, linked.stderr).toBe(0);
    expect(JSON.parse(linked.stdout)).toEqual({ username: 'keyworker', issuer: ISSUER, subject: '555254239107' });
    const again = await continuity('user', 'link-sso', '--username', 'manager', '--subject', '555254239107', '--issuer', ISSUER, '--data-dir', dataDir);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('continuity: that identity is linked to another account already\n');
    const nobody = await continuity('user', 'link-sso', '--username', 'nobody', '--subject', '555254239108', '--issuer', ISSUER, '--data-dir', dataDir);
    expect(nobody.stderr).toBe('continuity: there is no account called nobody\n');

    const store = await openStore({ dataDir });
    try {
      expect(await findLinkedUser(store.db, ISSUER, '555254239107')).toMatchObject({ id: 'demo-keyworker', active: true });
      expect(await findLinkedUser(store.db, ISSUER, '555254239108')).toBeUndefined();
      expect((await listAudit(store.db, { actorId: 'cli:user' })).map((e) => [e.action, e.detail])).toEqual([['link-sso', { user: 'demo-keyworker', issuer: ISSUER, subject: '555254239107' }]]);
    } finally {
      await store.close();
    }
  });

  it('needs the provider, from --issuer or the server’s setting', async () => {
    const result = await continuity('user', 'link-sso', '--username', 'keyworker', '--subject', '1', '--data-dir', dataDir);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('continuity: give --issuer, or set CONTINUITY_OIDC_ISSUER\n');
  });
});
