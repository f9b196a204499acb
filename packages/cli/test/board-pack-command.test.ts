import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { boardDashboard, lastMonthEnd, openStore } from '@continuity/store';
import { buildApp, createDemoAccounts } from '@continuity/server';
import { boardScenario, BOARD_AS_OF } from '../../store/test/support/board-scenario.ts';
import { writeNdjson } from '../../store/test/support/scenario.ts';
import { signIn } from '../../server/test/support/signed-in-app.ts';
import { migratedDataDir } from './support/migrated-data-dir.ts';
import { continuity } from './support/run-continuity.ts';

/** A dashboard's figures, without when they were worked out. */
const figuresOf = ({ dataAt: _dataAt, ...figures }: { dataAt: string }) => figures;

describe('continuity report board', () => {
  const dir = mkdtempSync(join(tmpdir(), 'continuity-cli-board-'));
  const dataDir = migratedDataDir('continuity-cli-board-data-');
  beforeAll(async () => {
    expect((await continuity('import', writeNdjson(boardScenario()), '--data-dir', dataDir, '--json')).code).toBe(0);
  }, 120_000);

  it('prints as JSON exactly what the dashboard API gives, figure for figure, audited once with nobody named', async () => {
    const result = await continuity('report', 'board', '--as-of', BOARD_AS_OF, '--format', 'json', '--data-dir', dataDir);
    expect(result.code).toBe(0);
    const pack = JSON.parse(result.stdout);
    const store = await openStore({ dataDir });
    try {
      await createDemoAccounts(store);
      const app = await buildApp({ store, webRoot: '/nonexistent' });
      const response = await app.inject({ method: 'GET', url: `/api/reports/board?asOf=${BOARD_AS_OF}`, headers: { cookie: await signIn(app, 'board') } });
      await app.close();
      expect(response.statusCode).toBe(200);
      // The same figures; when each was worked out differs, since each process builds its own.
      expect(figuresOf(pack)).toEqual(figuresOf(response.json()));
      expect(Date.parse(pack.dataAt)).toBeLessThanOrEqual(Date.parse(response.json().dataAt));
      expect(pack.tiles.map((t: { tile: { key: string }; figure: { numerator: number; denominator: number } }) => [t.tile.key, t.figure.numerator, t.figure.denominator])).toContainEqual(['waiting-times', 4, 5]);
      const audit = await store.db.selectFrom('audit_event').select(['person_id', 'actor_id']).where('action', '=', 'report').where('actor_id', '=', 'cli:report').execute();
      expect(audit).toEqual([{ person_id: null, actor_id: 'cli:report' }]);
      expect(figuresOf(JSON.parse(JSON.stringify(await boardDashboard(store.db, { asOf: BOARD_AS_OF }))))).toEqual(figuresOf(pack));
    } finally {
      await store.close();
    }
  }, 120_000);

  it('is for the last month end without --as-of, the day the dashboard opens on', async () => {
    const result = await continuity('report', 'board', '--format', 'json', '--data-dir', dataDir);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).asOf).toBe(lastMonthEnd());
  }, 120_000);

  it('writes a self-contained HTML board pack with the same figures, charts as inline SVG with text alternatives', async () => {
    const out = join(dir, 'board.html');
    const result = await continuity('report', 'board', '--as-of', BOARD_AS_OF, '--format', 'html', '--out', out, '--data-dir', dataDir);
    expect(result.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|src="http/);
    expect(html).toContain('<strong>80.0%</strong> — 4 of 5 referrals');
    expect(html).toContain('<strong>8,333.3 per 100,000</strong> — 3 of 36 people');
    expect(html).toMatch(/<svg role="img" aria-labelledby="trend-mha-use-title"/);
    expect(html).toContain('<td>Black or Black British</td><td>10</td><td>8</td><td>80.0%</td><td>1.60 (95% CI 0.94 to 2.74)</td>');
    expect(html).toContain('Deprivation (IMD decile) not available');
    expect(html).toContain('<strong>65.0%</strong> — 13 of 20 concerns');
    expect(html).toContain('<p>Median time to a first response: 24 hours, of the 17 concerns answered by the day. Response standard used: 72 hours.</p>');
    expect(html).toContain('<strong>50.0%</strong> — 1 of 2 people');
  }, 120_000);

  it('prints the pack to PDF with headless Chromium', async () => {
    const out = join(dir, 'board.pdf');
    const result = await continuity('report', 'board', '--as-of', BOARD_AS_OF, '--format', 'pdf', '--out', out, '--data-dir', dataDir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);

  it('prints one line per tile for a terminal, and --format json works for the other reports too', async () => {
    const text = await continuity('report', 'board', '--as-of', BOARD_AS_OF, '--data-dir', dataDir);
    expect(text.code).toBe(0);
    const lines = text.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Board dashboard as of 2026-06-30\. Worked out from the records as they stood at \d\d:\d\d on \d{1,2} [A-Z][a-z]+ \d{4}\.$/);
    expect(lines[1]).toBe('Seen within 4 weeks: 80.0% (4 of 5 referrals). Standard: Four-week waiting time standard: care starts within 28 days of referral.');
    expect(lines).toContain('Subject to the Mental Health Act: 8,333.3 per 100,000 (3 of 36 people).');
    expect(lines).toContain('Intensive and assertive cohort already in intensive care: 50.0% (1 of 2 people).');
    expect(lines.find((l) => l.startsWith('Carers’ concerns'))).toMatch(/: 65\.0% \(13 of 20 concerns\)\. Standard: .*\. Median time to a first response: 24 hours, of the 17 concerns answered by the day\. Response standard used: 72 hours\.$/);
    const mha = await continuity('report', 'mha-use', '--as-of', BOARD_AS_OF, '--format', 'json', '--data-dir', dataDir);
    expect(JSON.parse(mha.stdout)).toMatchObject({ report: 'mha-use', asOf: BOARD_AS_OF });
  }, 120_000);

  it('says clearly what is missing: --out for a PDF, Chromium, or a report with no document form', async () => {
    expect((await continuity('report', 'board', '--format', 'pdf', '--data-dir', dataDir)).stderr).toMatch(/--out FILE/);
    const noChromium = await continuityWith({ CONTINUITY_CHROMIUM: join(dir, 'no-chromium') }, 'report', 'board', '--as-of', BOARD_AS_OF, '--format', 'pdf', '--out', join(dir, 'x.pdf'), '--data-dir', dataDir);
    expect(noChromium.code).not.toBe(0);
    expect(noChromium.stderr).toMatch(/needs Chromium, and there is none at .*no-chromium/);
    expect((await continuity('report', 'mha-use', '--format', 'html', '--data-dir', dataDir)).stderr).toMatch(/--format html is for the board report/);
  }, 120_000);
});

async function continuityWith(env: Record<string, string>, ...args: string[]) {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await continuity(...args);
  } finally {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}
