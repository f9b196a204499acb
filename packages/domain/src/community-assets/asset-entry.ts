import { assetAccessibility, assetKinds, assetNeeds } from './asset-lists.ts';
import { normalisePostcode, type Point } from './distance.ts';

/** A directory entry as a form or a CSV row gives it: words, before checking. */
export interface AssetEntry {
  name: string;
  kind: string;
  needs: string[];
  eligibility?: string | null;
  address?: string | null;
  postcode: string;
  openingTimes?: string | null;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  accessibility: string[];
  languages: string[];
  /** The team or partner Organization that keeps the entry up to date. */
  maintainerId: string;
}

/** A checked entry, as stored. */
export interface Asset {
  name: string;
  kind: string;
  needs: string[];
  eligibility: string | null;
  address: string | null;
  postcode: string;
  openingTimes: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  accessibility: string[];
  languages: string[];
  maintainerId: string;
}

export interface AssetProblem {
  field: keyof AssetEntry;
  message: string;
}

const LONGEST_TEXT = 2000;
/** Control characters (a NUL above all) cannot be stored as text by PostgreSQL, and no directory entry needs one. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Checks an entry field by field: every problem is named, so a form or a CSV row can say which field to fix. */
export function checkAsset(entry: AssetEntry): { ok: true; asset: Asset } | { ok: false; problems: AssetProblem[] } {
  const problems: AssetProblem[] = [];
  const text = (field: keyof AssetEntry, value: string | null | undefined, required = false): string | null => {
    const trimmed = (value ?? '').trim();
    if (!trimmed) {
      if (required) problems.push({ field, message: 'is required' });
      return null;
    }
    if (trimmed.length > LONGEST_TEXT) problems.push({ field, message: `must be at most ${LONGEST_TEXT} characters` });
    else if (CONTROL.test(trimmed)) problems.push({ field, message: 'must not contain control characters' });
    return trimmed;
  };
  const codes = (field: keyof AssetEntry, values: string[], known: Record<string, string>): string[] => {
    const trimmed = [...new Set(values.map((v) => v.trim()).filter(Boolean))];
    const unknown = trimmed.filter((v) => !Object.hasOwn(known, v));
    if (unknown.length > 0) problems.push({ field, message: `has ${unknown.join(', ')}, not one of ${Object.keys(known).join(', ')}` });
    return trimmed;
  };
  const name = text('name', entry.name, true);
  if (!Object.hasOwn(assetKinds, entry.kind)) problems.push({ field: 'kind', message: `must be one of ${Object.keys(assetKinds).join(', ')}` });
  const needs = codes('needs', entry.needs, assetNeeds);
  if (needs.length === 0 && entry.needs.every((n) => !n.trim())) problems.push({ field: 'needs', message: 'must name at least one need served' });
  const postcode = normalisePostcode(entry.postcode ?? '');
  if (!postcode) problems.push({ field: 'postcode', message: 'must be a UK postcode, such as BS1 4DJ' });
  const email = text('email', entry.email);
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problems.push({ field: 'email', message: 'must be an email address' });
  const website = text('website', entry.website);
  if (website && !/^https?:\/\/\S+$/.test(website)) problems.push({ field: 'website', message: 'must be a web address starting https://' });
  const phone = text('phone', entry.phone);
  if (phone && !/^\+?[0-9 ()-]{6,20}$/.test(phone)) problems.push({ field: 'phone', message: 'must be a phone number' });
  const accessibility = codes('accessibility', entry.accessibility, assetAccessibility);
  const languages = [...new Set(entry.languages.map((l) => l.trim()).filter(Boolean))];
  if (languages.some((l) => l.length > 60 || CONTROL.test(l))) problems.push({ field: 'languages', message: 'must each be a language named in words' });
  const maintainerId = text('maintainerId', entry.maintainerId, true);
  const asset = {
    name: name ?? '', kind: entry.kind, needs, eligibility: text('eligibility', entry.eligibility), address: text('address', entry.address), postcode: postcode ?? '',
    openingTimes: text('openingTimes', entry.openingTimes), phone, email, website, accessibility, languages, maintainerId: maintainerId ?? '',
  };
  return problems.length > 0 ? { ok: false, problems } : { ok: true, asset };
}

/** The CSV columns of an import (docs/community-assets.md), each with the entry field it fills. */
export const assetCsvColumns = {
  external_id: 'externalId',
  name: 'name',
  kind: 'kind',
  needs: 'needs',
  eligibility: 'eligibility',
  address: 'address',
  postcode: 'postcode',
  opening_times: 'openingTimes',
  phone: 'phone',
  email: 'email',
  website: 'website',
  accessibility: 'accessibility',
  languages: 'languages',
  maintainer: 'maintainerId',
} as const;

const requiredColumns = ['external_id', 'name', 'kind', 'needs', 'postcode', 'maintainer'] as const;

export interface CsvProblem {
  /** The row in the file, counting the header as row 1, as a spreadsheet numbers it. */
  row: number;
  column: string;
  message: string;
}

export interface CsvAsset {
  row: number;
  externalId: string;
  asset: Asset;
}

/**
 * Reads an import's rows (the header first) into checked entries. Lists within a field are
 * separated by semicolons. Every problem names its row and column; one problem anywhere and the
 * caller stores nothing.
 */
export function readAssetRows(rows: string[][]): { assets: CsvAsset[]; problems: CsvProblem[] } {
  const [header, ...body] = rows;
  if (!header) return { assets: [], problems: [{ row: 1, column: 'external_id', message: 'the file is empty: it needs a header row' }] };
  const names = header.map((h) => h.trim().toLowerCase());
  const missing = requiredColumns.filter((c) => !names.includes(c));
  const unknown = names.filter((n) => !Object.hasOwn(assetCsvColumns, n));
  if (missing.length > 0 || unknown.length > 0) {
    return {
      assets: [],
      problems: [...missing.map((column) => ({ row: 1, column, message: 'is a required column and is missing' })), ...unknown.map((column) => ({ row: 1, column, message: 'is not a column of the directory' }))],
    };
  }
  const columnOf = Object.fromEntries(Object.entries(assetCsvColumns).map(([column, field]) => [field, column])) as Record<string, string>;
  const assets: CsvAsset[] = [];
  const problems: CsvProblem[] = [];
  const seen = new Map<string, number>();
  body.forEach((fields, index) => {
    const row = index + 2;
    if (fields.length !== names.length) {
      problems.push({ row, column: names[Math.min(fields.length, names.length - 1)]!, message: `has ${fields.length} fields where the header has ${names.length}` });
      return;
    }
    const value = (column: string) => (names.includes(column) ? fields[names.indexOf(column)]! : '');
    const list = (column: string) => value(column).split(';');
    const externalId = value('external_id').trim();
    if (!/^[A-Za-z0-9\-.]{1,64}$/.test(externalId)) problems.push({ row, column: 'external_id', message: 'must be 1 to 64 letters, digits, hyphens or dots' });
    else if (seen.has(externalId)) problems.push({ row, column: 'external_id', message: `is also on row ${seen.get(externalId)}` });
    else seen.set(externalId, row);
    const checked = checkAsset({
      name: value('name'), kind: value('kind').trim(), needs: list('needs'), eligibility: value('eligibility'), address: value('address'), postcode: value('postcode'),
      openingTimes: value('opening_times'), phone: value('phone'), email: value('email'), website: value('website'), accessibility: list('accessibility'), languages: list('languages'), maintainerId: value('maintainer'),
    });
    if (!checked.ok) problems.push(...checked.problems.map((p) => ({ row, column: columnOf[p.field]!, message: p.message })));
    else if (/^[A-Za-z0-9\-.]{1,64}$/.test(externalId)) assets.push({ row, externalId, asset: checked.asset });
  });
  return { assets, problems };
}

/** A directory entry as search sees it: stored, with its centroid when its postcode has one. */
export interface PlacedAsset {
  id: string;
  name: string;
  needs: string[];
  languages: string[];
  accessibility: string[];
  location: Point | null;
}

export interface AssetSearch {
  need?: string;
  language?: string;
  accessibility?: string[];
  /** The centroid of the postcode searched from. */
  from?: Point | null;
}

/**
 * The entries that serve the need, in the language and with every accessibility feature asked
 * for, nearest first with the distance in kilometres; entries without a known place come last, by name.
 */
export function rankAssets<T extends PlacedAsset>(assets: T[], search: AssetSearch, distance: (a: Point, b: Point) => number): Array<T & { distanceKm: number | null }> {
  const language = search.language?.trim().toLowerCase();
  const wanted = search.accessibility ?? [];
  const from = search.from ?? null;
  return assets
    .filter((a) => !search.need || a.needs.includes(search.need))
    .filter((a) => !language || a.languages.some((l) => l.toLowerCase() === language))
    .filter((a) => wanted.every((w) => a.accessibility.includes(w)))
    .map((a) => ({ ...a, distanceKm: from && a.location ? Math.round(distance(from, a.location) * 10) / 10 : null }))
    .sort((a, b) => (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
