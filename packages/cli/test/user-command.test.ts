import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '@continuity/server';
import { importPath, openStore } from '@continuity/store';
import { scenario, writeNdjson } from '../../store/test/support/scenario.ts';
import { migratedDataDir } from './support/migrated-data-dir.ts';
import { continuityProcessWithInput, continuityWithInput } from './support/run-continuity.ts';

describe('continuity user', () => {
  const dataDir = migratedDataDir('continuity-users-');
  beforeAll(async () => {
    const store = await openStore({ dataDir });
    try {
      expect((await importPath(store, writeNdjson(scenario()))).errors).toEqual([]);
    } finally {
      await store.close();
    }
  });

  async function signInStatus(username: string, password: string): Promise<number> {
    const store = await openStore({ dataDir });
    const app = await buildApp({ store, webRoot: '/nonexistent' });
    try {
      return (await app.inject({ method: 'POST', url: '/api/session', payload: { username, password } })).statusCode;
    } finally {
      await app.close();
      await store.close();
    }
  }

  it('adds an account only with a password the policy accepts, read from standard input, and it signs in', async () => {
    const add = ['user', 'add', '--username', 'gokafor', '--name', 'Grace Okafor', '--role', 'key-worker', '--team', 'team-north', '--practitioner', 'kw-1', '--data-dir', dataDir];
    const weak = await continuityWithInput('Password2026!\n', ...add);
    expect(weak.code).toBe(1);
    expect(weak.stderr).toBe('continuity: the password is one of the most used passwords or a word of this service: choose something others would not guess\n');
    const badTeam = await continuityWithInput('kettle river lantern\n', ...add.map((a) => (a === 'team-north' ? 'team-west' : a)));
    expect(badTeam.stderr).toBe('continuity: there is no team with id team-west\n');

    // As the shell runs it: the password piped to a process of its own.
    const added = await continuityProcessWithInput('kettle river lantern\n', ...add, '--json');
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ username: 'gokafor', role: 'key-worker', teams: ['team-north'] });
    expect((await continuityWithInput('another long phrase\n', ...add)).stderr).toBe('continuity: there is already an account called gokafor\n');
    expect(await signInStatus('gokafor', 'kettle river lantern')).toBe(200);
  });

  it('sets a new password: the old one stops working and the new one works', async () => {
    const set = await continuityWithInput('copper meadow violin\n', 'user', 'set-password', '--username', 'gokafor', '--data-dir', dataDir);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toBe('New password set for gokafor; its sessions are ended.\n');
    expect(await signInStatus('gokafor', 'kettle river lantern')).toBe(401);
    expect(await signInStatus('gokafor', 'copper meadow violin')).toBe(200);
    expect((await continuityWithInput('copper meadow violin\n', 'user', 'set-password', '--username', 'nobody', '--data-dir', dataDir)).stderr).toBe('continuity: there is no account called nobody\n');
  });
});
