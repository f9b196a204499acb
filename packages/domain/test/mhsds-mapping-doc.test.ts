import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mhsdsSpecification, mhsdsTables } from '@continuity/domain';

const doc = readFileSync(resolve(import.meta.dirname, '../../../docs/mhsds-export.md'), 'utf8');

describe('docs/mhsds-export.md', () => {
  it('names the specification followed and documents every table and column the export writes', () => {
    expect(doc).toContain(mhsdsSpecification);
    for (const table of mhsdsTables) {
      expect(doc, table.table).toContain(`### ${table.table}`);
      for (const column of table.columns) expect(doc, `${table.table}.${column.column}`).toContain(`| ${column.column} | ${column.dataItem} |`);
    }
  });
});
