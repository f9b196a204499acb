import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '@continuity/server';
import { importPath, openStore } from '@continuity/store';
import { scenario, writeNdjson } from '../../store/test/support/scenario.ts';
import { migratedDataDir } from './support/migrated-data-dir.ts';
import { bin } from './support/run-continuity.ts';

/** Runs `continuity ...args` with `input` on standard input, as an administrator would pipe a password. */
function continuityWithInput(input: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, DATABASE_URL: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c));
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(input);
  });
}

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

    const added = await continuityWithInput('kettle river lantern\n', ...add, '--json');
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
