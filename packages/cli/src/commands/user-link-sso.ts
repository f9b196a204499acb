import { issuerKey, SSO_ENV } from '@continuity/server';
import { linkIdentity, recordAudit } from '@continuity/store';
import { Command } from 'commander';
import { openStoreFrom, withStoreOptions, type StoreFlags } from '../store-options.ts';

/**
 * `continuity user link-sso`: says which staff account an identity at the single sign-on provider
 * is. Nobody is linked by a matching name or email: an administrator links each account, once,
 * from the subject a refused first sign-in recorded in the audit log (docs/single-sign-on.md).
 */
export function linkSsoCommand(): Command {
  return withStoreOptions(
    new Command('link-sso')
      .description('Link a staff account to its identity at the single sign-on provider (for NHS CIS2, the user\'s UUID).')
      .requiredOption('--username <name>', 'the account')
      .requiredOption('--subject <sub>', 'the identity\'s subject ("sub") at the provider, as the audit log recorded it')
      .option('--issuer <url>', `the provider's issuer URL (default $${SSO_ENV.issuer})`)
      .option('--json', 'print the result as JSON'),
  ).action(async (flags: StoreFlags & { username: string; subject: string; issuer?: string; json?: boolean }) => {
    const issuerSetting = flags.issuer ?? process.env[SSO_ENV.issuer];
    if (!issuerSetting) throw new Error(`give --issuer, or set ${SSO_ENV.issuer}`);
    let issuer: string;
    try {
      issuer = issuerKey(issuerSetting);
    } catch {
      throw new Error('--issuer must be a URL');
    }
    const subject = flags.subject.trim();
    if (!subject || subject.length > 255) throw new Error('--subject must be 1-255 characters');
    const store = await openStoreFrom(flags);
    try {
      const user = await store.db.selectFrom('app_user').select('id').where('username', '=', flags.username.toLowerCase()).executeTakeFirst();
      if (!user) throw new Error(`there is no account called ${flags.username}`);
      const taken = await store.db.selectFrom('app_user_identity').select('user_id').where('issuer', '=', issuer).where('subject', '=', subject).executeTakeFirst();
      if (taken && taken.user_id !== user.id) throw new Error('that identity is linked to another account already');
      await linkIdentity(store.db, { userId: user.id, issuer, subject });
      await recordAudit(store.db, [{ actorId: 'cli:user', actorRole: 'system', action: 'link-sso', basis: 'system', outcome: 'allowed', detail: { user: user.id, issuer, subject } }]);
      console.log(flags.json ? JSON.stringify({ username: flags.username.toLowerCase(), issuer, subject }) : `Linked ${flags.username.toLowerCase()} to ${subject} at ${issuer}.`);
    } finally {
      await store.close();
    }
  });
}
