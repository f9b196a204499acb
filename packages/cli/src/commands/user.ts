import { randomUUID } from 'node:crypto';
import { isRole, passwordProblems, roleNames } from '@continuity/domain';
import { hashPassword } from '@continuity/server';
import { createUser, recordAudit, setUserPassword } from '@continuity/store';
import { Command } from 'commander';
import { openStoreFrom, withStoreOptions, type StoreFlags } from '../store-options.ts';
import { linkSsoCommand } from './user-link-sso.ts';

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/**
 * The new password, from standard input: never from the command line, where other users of the
 * machine can read it in the process list. Typed at a terminal it is not echoed.
 */
async function readPassword(): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    let text = '';
    for await (const chunk of input) text += chunk;
    return text.replace(/\r?\n$/, '');
  }
  process.stderr.write('New password (not shown): ');
  input.setRawMode(true);
  input.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (value: string | Error) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      process.stderr.write('\n');
      if (value instanceof Error) reject(value);
      else resolve(value);
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return done(typed);
        if (char === '\u0003') return done(new Error('cancelled'));
        typed = char === '\u007f' ? typed.slice(0, -1) : typed + char;
      }
    };
    input.on('data', onData);
  });
}

function checkedPassword(password: string, username: string, displayName?: string): string {
  const problems = passwordProblems(password, { username, displayName });
  if (problems.length) throw new Error(`the password ${problems.join('; ')}`);
  return password;
}

/** `continuity user add|set-password|link-sso`: local accounts, for trusts not yet signing in through NHS CIS2. */
export function userCommand(): Command {
  const user = new Command('user').description('Local staff accounts: add one, or set a new password. The password is read from standard input.');
  user.addCommand(
    withStoreOptions(
      new Command('add')
        .description('Add a staff account with a role and teams.')
        .requiredOption('--username <name>', 'sign-in name: 3-64 lower-case letters, digits, dots, dashes or underscores')
        .requiredOption('--name <display>', 'the name shown to colleagues')
        .requiredOption('--role <role>', `one of: ${roleNames.join(', ')}`)
        .option('--team <id...>', 'the teams (Organization ids) they work in')
        .option('--practitioner <id>', 'their Practitioner id, so their caseload is theirs')
        .option('--json', 'print the result as JSON'),
    ).action(async (flags: StoreFlags & { username: string; name: string; role: string; team?: string[]; practitioner?: string; json?: boolean }) => {
      if (!USERNAME.test(flags.username)) throw new Error('--username must be 3-64 lower-case letters, digits, dots, dashes or underscores');
      if (!isRole(flags.role)) throw new Error(`--role must be one of: ${roleNames.join(', ')}`);
      if (!flags.name.trim()) throw new Error('--name must not be empty');
      const password = checkedPassword(await readPassword(), flags.username, flags.name);
      const store = await openStoreFrom(flags);
      try {
        const teams = flags.team ?? [];
        const known = new Set((await store.db.selectFrom('shared_record').select('id').where('resource_type', '=', 'Organization').execute()).map((t) => t.id));
        const unknown = teams.filter((t) => !known.has(t));
        if (unknown.length) throw new Error(`there is no team with id ${unknown.join(', ')}`);
        if (await store.db.selectFrom('app_user').select('id').where('username', '=', flags.username).executeTakeFirst()) throw new Error(`there is already an account called ${flags.username}`);
        const id = randomUUID();
        await createUser(store.db, { id, username: flags.username, displayName: flags.name.trim(), role: flags.role, passwordHash: await hashPassword(password), practitionerId: flags.practitioner ?? null, teamIds: teams });
        await recordAudit(store.db, [{ actorId: 'cli:user', actorRole: 'system', action: 'add-user', basis: 'system', outcome: 'allowed', detail: { user: id, role: flags.role, teams } }]);
        console.log(flags.json ? JSON.stringify({ id, username: flags.username, role: flags.role, teams }) : `Added ${flags.username} (${flags.role}${teams.length ? `, ${teams.join(', ')}` : ''}).`);
      } finally {
        await store.close();
      }
    }),
  );
  user.addCommand(
    withStoreOptions(
      new Command('set-password')
        .description('Set a new password: unlocks the account and signs it out everywhere.')
        .requiredOption('--username <name>', 'the account')
        .option('--json', 'print the result as JSON'),
    ).action(async (flags: StoreFlags & { username: string; json?: boolean }) => {
      const password = checkedPassword(await readPassword(), flags.username);
      const store = await openStoreFrom(flags);
      try {
        if (!(await setUserPassword(store.db, flags.username, await hashPassword(password)))) throw new Error(`there is no account called ${flags.username}`);
        await recordAudit(store.db, [{ actorId: 'cli:user', actorRole: 'system', action: 'set-password', basis: 'system', outcome: 'allowed', detail: { username: flags.username.toLowerCase() } }]);
        console.log(flags.json ? JSON.stringify({ username: flags.username, passwordSet: true }) : `New password set for ${flags.username}; its sessions are ended.`);
      } finally {
        await store.close();
      }
    }),
  );
  user.addCommand(linkSsoCommand());
  return user;
}
