import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { bin } from './support/run-continuity.ts';

describe('the continuity command as the shell runs it', () => {
  it('runs Node with the larger young generation the board and the import are measured with', async () => {
    // Run as `npx continuity` and `npm start` run it: the file itself, through its #! line.
    const dir = mkdtempSync(join(tmpdir(), 'continuity-flags-'));
    const probe = join(dir, 'probe.cjs');
    const seen = join(dir, 'seen.json');
    writeFileSync(probe, `require('node:fs').writeFileSync(${JSON.stringify(seen)}, JSON.stringify(process.execArgv));`);
    await promisify(execFile)(bin, ['worklist', '--help'], { env: { ...process.env, NODE_OPTIONS: `--require ${probe}`, DATABASE_URL: '' } });
    expect(JSON.parse(readFileSync(seen, 'utf8'))).toContain('--max-semi-space-size=64');
  });
});
