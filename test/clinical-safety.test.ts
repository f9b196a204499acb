import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The hazard log (docs/clinical-safety/hazard-log.md) names, for each control, the test that
 * verifies it. This keeps the log true: a renamed or deleted test fails here, not silently.
 */
const root = resolve(import.meta.dirname, '..');
const log = readFileSync(resolve(root, 'docs/clinical-safety/hazard-log.md'), 'utf8');
const controlled = log.split('\n').filter((line) => /^\| H\d\d \|/.test(line) && line.includes('Controlled'));
const references = controlled.flatMap((line) => {
  const id = /^\| (H\d\d) /.exec(line)![1]!;
  return [...line.matchAll(/`([^`]+\.test\.ts)` › "([^"]+)"/g)].map((m) => ({ id, file: m[1]!, title: m[2]! }));
});

describe('the hazard log', () => {
  it('has controlled hazards, each verified by at least one named test', () => {
    expect(controlled.length).toBeGreaterThanOrEqual(15);
    for (const line of controlled) expect(line, line.slice(0, 60)).toMatch(/\.test\.ts` › "/);
  });

  it.each(references)('$id: $file has the test "$title"', ({ file, title }) => {
    const path = resolve(root, file);
    expect(existsSync(path), `${file} exists`).toBe(true);
    expect(readFileSync(path, 'utf8')).toContain(`'${title}'`);
  });
});
