import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPath, searchPeople, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { NHS, scenario, writeNdjson } from './support/scenario.ts';

const cara = {
  resourceType: 'Patient',
  id: 'cara',
  identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9434765870' }],
  name: [{ family: "Okafor-O'Neill", given: ['Cara', 'Mae'] }],
  birthDate: '1979-04-30',
};

describe.each(storeKinds)('person search on $name', (kind) => {
  let store: Store;
  const ids = async (q: string) => (await searchPeople(store.db, { q })).map((p) => p.id);

  beforeEach(async () => {
    store = await kind.open();
    await importPath(store, writeNdjson({ Organization: scenario().Organization!, Patient: [...scenario().Patient!, cara] }));
  });
  afterEach(async () => {
    await store.close();
  });

  it('matches the start of any name word, every word typed having to match', async () => {
    expect(await ids('lov')).toEqual(['ada']);
    expect(await ids('augusta')).toEqual(['ada']);
    expect(await ids('ADA LOVE')).toEqual(['ada']);
    expect(await ids('ada adeyemi')).toEqual([]);
    expect(await ids('mae')).toEqual(['cara']);
  });

  it("finds each part of a hyphenated or apostrophised name, and the whole of it", async () => {
    expect(await ids("o'neill")).toEqual(['cara']);
    expect(await ids('neill')).toEqual(['cara']);
    expect(await ids('o\u2019neill')).toEqual(['cara']);
    expect(await ids('okafor-o')).toEqual(['cara']);
  });

  it('treats LIKE wildcards as letters', async () => {
    expect(await ids('%')).toEqual([]);
    expect(await ids('_da')).toEqual([]);
  });

  it('combines a name with a date of birth, and finds by NHS number', async () => {
    expect(await ids('cara 30/04/1979')).toEqual(['cara']);
    expect(await ids('cara 01/05/1979')).toEqual([]);
    expect(await ids(NHS.ben)).toEqual(['ben']);
  });

  it('follows a change of name on re-import', async () => {
    await importPath(store, writeNdjson({ Patient: [{ ...cara, name: [{ family: 'Brown', given: ['Cara'] }] }] }));
    expect(await ids('okafor')).toEqual([]);
    expect(await ids('brown')).toEqual(['cara']);
  });
});
