import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mhsdsScenario } from '../../store/test/support/mhsds-scenario.ts';
import { writeNdjson } from '../../store/test/support/scenario.ts';
import { migratedDataDir } from './support/migrated-data-dir.ts';
import { continuity } from './support/run-continuity.ts';

describe('continuity export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'continuity-cli-export-'));
  const data = migratedDataDir('continuity-cli-export-data-');
  beforeAll(async () => {
    expect((await continuity('import', writeNdjson(mhsdsScenario()), '--data-dir', data, '--json')).code).toBe(0);
  });

  it('writes the MHSDS tables and says how many rows each got, in words or as JSON', async () => {
    const words = await continuity('export', 'mhsds', '--out', join(dir, 'words'), '--data-dir', data);
    expect(words.code).toBe(0);
    expect(words.stdout).toContain('Exported 3 people to');
    expect(words.stdout).toContain('MHS201CareContact.csv: 5 rows');
    expect(words.stdout).toContain('MHS002GP.csv: 1 row\n');
    expect(readFileSync(join(dir, 'words', 'MHS002GP.csv'), 'utf8')).toBe('LocalPatientId,GMPCodeReg\r\nana,L81001\r\n');

    const json = await continuity('export', 'mhsds', '--out', join(dir, 'json'), '--data-dir', data, '--json');
    expect(json.code).toBe(0);
    const summary = JSON.parse(json.stdout);
    expect(summary.people).toBe(3);
    expect(summary.tables.map((t: { table: string; rows: number }) => `${t.table}:${t.rows}`)).toEqual([
      'MHS001MPI:3', 'MHS002GP:1', 'MHS006MHCareCoord:2', 'MHS101Referral:3', 'MHS201CareContact:5', 'MHS401MHActPeriod:2', 'MHS606CodedScoreAssessmentRefer:2',
    ]);
  });

  it('writes every record as FHIR NDJSON that import reads back, in words or as JSON', async () => {
    const words = await continuity('export', 'fhir', '--out', join(dir, 'fhir'), '--data-dir', data);
    expect(words.code).toBe(0);
    expect(words.stdout).toMatch(/^Exported \d+ resources to .* as FHIR R4 NDJSON:/);
    expect(words.stdout).toContain('Patient.ndjson: 3');
    const patients = readFileSync(join(dir, 'fhir', 'Patient.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(patients.map((p) => p.id).sort()).toEqual(['ana', 'ben', 'cy']);
    expect(patients[0].meta.versionId).toBe('1');
    const back = await continuity('import', join(dir, 'fhir'), '--data-dir', join(dir, 'restored'), '--json');
    expect(back.code).toBe(0);
    expect(JSON.parse(back.stdout).rejected).toBe(0);
    const json = await continuity('export', 'fhir', '--out', join(dir, 'fhir-json'), '--data-dir', data, '--json');
    expect(JSON.parse(json.stdout).resources).toBe(Number(/^Exported (\d+)/.exec(words.stdout)![1]));
  });

  it('refuses a folder already written and an unknown format', async () => {
    await continuity('export', 'mhsds', '--out', join(dir, 'once'), '--data-dir', data, '--json');
    const again = await continuity('export', 'mhsds', '--out', join(dir, 'once'), '--data-dir', data);
    expect(again).toMatchObject({ code: 1, stderr: expect.stringContaining('is not empty') });
    expect(await continuity('export', 'csv', '--out', join(dir, 'x'), '--data-dir', data)).toMatchObject({ code: 1, stderr: expect.stringContaining('unknown export format "csv"') });
  });
});
