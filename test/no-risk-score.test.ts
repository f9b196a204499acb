import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { listMigrations, type Store } from '@continuity/store';
import type { FastifyInstance } from 'fastify';
import { createPlanBody, updatePlanBody } from '../packages/server/src/plans/plan-input.ts';
import { plansScenario } from '../packages/store/test/support/plans-scenario.ts';
import { scenarioApp, signIn } from '../packages/server/test/support/signed-in-app.ts';
import { storeKinds } from './support/stores.ts';

/**
 * No predictive risk score, band or level anywhere (SPEC principle 1 and the failures table: "no
 * risk band or level field anywhere, in data, UI or export"; HSIB finding, 000_* line ~1190). This
 * fails when a column, an identifier in the source, an input field of the plan routes or a field
 * they serve is named like one, or when a plan section takes a level instead of words.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A name that holds a risk score or its kin: risk then score, level, band, tier... in any case, joined or not. */
const RISK_FIELD = /risk[_-]?(score|level|band|rating|categor|tier|strat|probabilit|percent)/i;
/** A column or served field that is a score, band, tier, rating or level of anything risk-like. */
const SCORE_WORD = /(^|[_-])(risk|score|band|tier|rating|level)s?($|[_-])|risk|Score$|Band$|Tier$|Rating$|Level$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|sql)$/.test(name) ? [path] : [];
  });
}

function columnsOf(script: string): string[] {
  const columns: string[] = [];
  for (const table of script.matchAll(/CREATE TABLE[^(]*\(([\s\S]*?)\)\s*(PARTITION BY[^;]*)?;/gi)) {
    for (const line of table[1]!.split('\n')) {
      const name = /^\s*([a-z_][a-z0-9_]*)\s+(text|integer|bigint|boolean|jsonb|timestamptz|date|numeric|smallint|real|double|uuid|text\[\])/i.exec(line)?.[1];
      if (name && !/^(PRIMARY|CHECK|UNIQUE|CONSTRAINT|FOREIGN)$/i.test(name)) columns.push(name);
    }
  }
  for (const added of script.matchAll(/ADD COLUMN (IF NOT EXISTS )?([a-z_][a-z0-9_]*)/gi)) columns.push(added[2]!);
  return columns;
}

function keysIn(node: unknown, into: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => keysIn(n, into));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      into.push(key);
      keysIn(value, into);
    }
  }
  return into;
}

function schemaKeys(schema: z.ZodType, into: string[] = []): string[] {
  const def = (schema as unknown as { def: Record<string, any> }).def;
  if (def.type === 'object') {
    for (const [key, value] of Object.entries(def.shape as Record<string, z.ZodType>)) {
      into.push(key);
      schemaKeys(value, into);
    }
  } else if (def.type === 'array') schemaKeys(def.element, into);
  else if (def.innerType) schemaKeys(def.innerType, into);
  else if (def.options) for (const option of def.options) schemaKeys(option, into);
  return into;
}

describe('no risk score, band or level anywhere', () => {
  it('has no column named like one in any migration', () => {
    const migrations = listMigrations();
    expect(migrations.length).toBeGreaterThan(5);
    const columns = migrations.flatMap((m) => columnsOf(m.script).map((c) => `${m.version}:${c}`));
    expect(columns).toContain('1:person_id');
    expect(columns).toContain('13:version_id');
    expect(columns.filter((c) => SCORE_WORD.test(c.split(':')[1]!))).toEqual([]);
  });

  it('has no identifier, field, code or URL named like one in any package’s source', () => {
    const files = readdirSync(join(ROOT, 'packages')).flatMap((p) => sourceFiles(join(ROOT, 'packages', p, 'src')));
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (RISK_FIELD.test(line) ? [`${file.slice(ROOT.length)}:${i + 1}: ${line.trim().slice(0, 120)}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it('takes no such field in the plan routes’ input, and a section takes words only', () => {
    const keys = [...schemaKeys(createPlanBody), ...schemaKeys(updatePlanBody)];
    expect(keys).toContain('sections');
    expect(keys).toContain('text');
    expect(keys.filter((k) => SCORE_WORD.test(k))).toEqual([]);
    const body = { version: 1, madeWithPerson: true, carers: [], sections: [{ section: 'what-helps', text: 'Tea with my mum' }] };
    expect(updatePlanBody.safeParse(body).success).toBe(true);
    expect(updatePlanBody.safeParse({ ...body, sections: [{ section: 'what-helps', text: 3 }] }).success).toBe(false);
    expect(updatePlanBody.safeParse({ ...body, sections: [{ section: 'what-helps', text: 'Tea', level: 'high' }] }).success).toBe(false);
    // Named at run time: the repository itself names nothing like a risk score.
    expect(updatePlanBody.safeParse({ ...body, [['risk', 'Score'].join('')]: 2 }).success).toBe(false);
  });

  describe.each(storeKinds)('in what the plan routes serve on $name', (kind) => {
    let store: Store;
    let app: FastifyInstance;
    let cookie: string;
    beforeAll(async () => {
      store = await kind.open();
      app = await scenarioApp(store, plansScenario());
      cookie = await signIn(app, 'keyworker');
    });
    afterAll(async () => {
      await app.close();
      await store.close();
    });

    it('serves no field named like one, and refuses a section that is a level', async () => {
      const post = (url: string, payload: Record<string, unknown>) => app.inject({ method: 'POST', url, headers: { cookie }, payload });
      const get = async (url: string) => (await app.inject({ method: 'GET', url, headers: { cookie } })).json();
      const planId = randomUUID();
      const plan = { planId, kind: 'risk-formulation', madeWithPerson: true, carers: ['ada-mother'], sections: [{ section: 'harm-from-others', text: 'Men from out of town used her flat to sell drugs last winter.' }] };
      expect((await post('/api/people/ada/plans', { ...plan, sections: [{ section: 'risk-level', text: 'high' }] })).statusCode).toBe(400);
      expect((await post('/api/people/ada/plans', { ...plan, sections: [{ section: 'triggers', text: 'high' }] })).statusCode).toBe(400);
      expect((await post('/api/people/ada/plans', { ...plan, riskLevel: 'high' })).statusCode).toBe(400);
      expect((await post('/api/people/ada/plans', plan)).statusCode).toBe(201);
      const served = [await get('/api/people/ada/plans'), await get(`/api/people/ada/plans/${planId}`), await get(`/api/people/ada/plans/${planId}/versions/1`)];
      const keys = served.flatMap((body) => keysIn(body));
      expect(keys).toContain('sections');
      expect(keys.filter((k) => SCORE_WORD.test(k))).toEqual([]);
      expect(JSON.stringify(served)).not.toMatch(RISK_FIELD);
    });
  });
});
