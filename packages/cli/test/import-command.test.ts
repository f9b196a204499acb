import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { scenario, writeNdjson } from '../../store/test/support/scenario.ts';
import { migratedDataDir } from './support/migrated-data-dir.ts';
import { bin, continuity, continuityProcess } from './support/run-continuity.ts';

describe('continuity import', () => {
  it('imports into the embedded database and prints the JSON report, then changes nothing on re-run', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'continuity-cli-'));
    const fixture = scenario();
    const total = Object.values(fixture).reduce((n, list) => n + list.length, 0);
    const dir = writeNdjson(fixture);

    const first = await continuity('import', dir, '--data-dir', dataDir, '--json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ imported: total, rejected: 0, errors: [], created: total });

    const again = await continuity('import', dir, '--data-dir', dataDir, '--json');
    expect(JSON.parse(again.stdout)).toMatchObject({ imported: total, rejected: 0, created: 0, updated: 0, unchanged: total });
  });

  it('exits 1 and lists file, line, type, id and reason for each rejected record', async () => {
    const dataDir = migratedDataDir('continuity-cli-');
    const dir = writeNdjson({ Organization: scenario().Organization! });
    writeFileSync(join(dir, 'Patient.ndjson'), `${JSON.stringify({ resourceType: 'Patient', id: 'p1', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '1234567890' }] })}\n`);
    // As the shell sees it: the exit status, and the report alone on standard output.
    const result = await continuityProcess('import', dir, '--data-dir', dataDir, '--json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.rejected).toBe(1);
    expect(report.errors[0]).toMatchObject({ file: 'Patient.ndjson', line: 1, resourceType: 'Patient', id: 'p1' });
    expect(report.errors[0].message).toContain('1234567890');

    const human = await continuity('import', dir, '--data-dir', dataDir);
    expect(human.stdout).toMatch(/rejected 1/);
    expect(human.stdout).toContain('Patient.ndjson:1 Patient/p1');
  });

  it('says clearly when the path does not exist', async () => {
    const result = await continuity('import', '/no/such/folder', '--data-dir', migratedDataDir('continuity-cli-'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^continuity: .*\/no\/such\/folder/m);
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('stops quietly when its output is closed early, as when piped into head or a pager that quits', async () => {
    const dataDir = migratedDataDir('continuity-cli-');
    const dir = writeNdjson(scenario());
    const { stderr } = await promisify(execFile)('/bin/sh', ['-c', `"${process.execPath}" "${bin}" import "${dir}" --data-dir "${dataDir}" --json | true`]);
    expect(stderr).not.toMatch(/EPIPE|Error/);
  });

  it('documents its commands', async () => {
    const result = await continuity('--help');
    for (const command of ['start', 'serve', 'import', 'synth']) expect(result.stdout).toContain(command);
    const importHelp = await continuity('import', '--help');
    expect(importHelp.stdout).toContain('--database-url');
    expect(importHelp.stdout).toContain('--data-dir');
  });
});
