import { endOfLondonDay, londonDay, system, type ResourceType } from '@continuity/domain';
import { isSharedType, type InstantRange } from '@continuity/store';
import { ApiError } from '../http/errors.ts';

/** The most entries one page holds; a client asking for more gets this many and a `next` link. */
export const MAX_COUNT = 100;
export const DEFAULT_COUNT = 20;

export interface SearchRequest {
  ids?: string[];
  person?: string;
  nhsNumber?: string;
  statuses?: string[];
  occurred: InstantRange[];
  lastUpdated: InstantRange[];
  includes: string[];
  offset: number;
  count: number;
}

/**
 * What each _include follows, per type: the element holding the reference. `:patient` and
 * `:subject` follow the record's link to its person (kind.personReference), for every person type.
 */
export const includeTargets: Partial<Record<ResourceType, Record<string, (r: Record<string, any>) => unknown>>> = {
  EpisodeOfCare: { 'care-manager': (r) => r.careManager, organization: (r) => r.managingOrganization },
  Encounter: { 'service-provider': (r) => r.serviceProvider, practitioner: (r) => (r.participant as Array<Record<string, any>> | undefined)?.map((p) => p.individual) },
  MedicationRequest: { requester: (r) => r.requester },
  PractitionerRole: { practitioner: (r) => r.practitioner, organization: (r) => r.organization },
  Organization: { partof: (r) => r.partOf },
  Patient: { 'general-practitioner': (r) => r.generalPractitioner },
};

/** The search parameters a type takes, beyond the common ones (_id, _lastUpdated, _count, _include). */
export function parametersOf(type: ResourceType): string[] {
  if (type === 'Patient') return ['identifier'];
  if (isSharedType(type)) return ['status'];
  return ['patient', 'subject', 'date', 'status'];
}

export function includesOf(type: ResourceType): string[] {
  const own = Object.keys(includeTargets[type] ?? {}).map((name) => `${type}:${name}`);
  return isSharedType(type) || type === 'Patient' ? own : [`${type}:patient`, `${type}:subject`, ...own];
}

const COMMON = ['_id', '_lastUpdated', '_count', '_offset', '_include', '_format'];

/**
 * Reads a search's query string strictly (FHIR's `handling=strict`): an unknown parameter or a value
 * that cannot be read is a 400 naming it, never silently ignored, since ignoring one would return
 * more people's records than the client asked for.
 */
export function readSearch(type: ResourceType, query: Record<string, string | string[] | undefined>): SearchRequest {
  const allowed = new Set([...COMMON, ...parametersOf(type)]);
  const search: SearchRequest = { occurred: [], lastUpdated: [], includes: [], offset: 0, count: DEFAULT_COUNT };
  for (const [name, raw] of Object.entries(query)) {
    const values = (Array.isArray(raw) ? raw : [raw ?? '']).map(String);
    if (!allowed.has(name)) {
      throw invalid(name, `is not a search parameter of ${type} here (supported: ${[...allowed].join(', ')})`, 'not-supported');
    }
    for (const value of values) {
      if (value === '') throw invalid(name, 'is empty');
      // No code or id holds a control character, and PostgreSQL text cannot hold NUL at all.
      if (/[\u0000-\u001f]/.test(value)) throw invalid(name, 'holds a control character');
      readOne(type, search, name, value);
    }
  }
  return search;
}

function readOne(type: ResourceType, search: SearchRequest, name: string, value: string) {
  switch (name) {
    case '_id':
      search.ids = [...(search.ids ?? []), ...value.split(',')];
      return;
    case '_count':
      search.count = Math.min(integer(name, value, 1), MAX_COUNT);
      return;
    case '_offset':
      search.offset = integer(name, value, 0);
      return;
    case '_format':
      if (!['json', 'application/json', 'application/fhir+json'].includes(value)) throw invalid(name, 'must be json: only FHIR JSON is served', 'not-supported');
      return;
    case '_include':
      if (!includesOf(type).includes(value)) throw invalid(name, `${value} is not supported (supported: ${includesOf(type).join(', ') || 'none'})`, 'not-supported');
      search.includes.push(value);
      return;
    case '_lastUpdated':
      search.lastUpdated.push(dateRange(name, value));
      return;
    case 'date':
      search.occurred.push(dateRange(name, value));
      return;
    case 'status':
      search.statuses = [...(search.statuses ?? []), ...value.split(',')];
      return;
    case 'patient':
    case 'subject': {
      const id = value.startsWith('Patient/') ? value.slice('Patient/'.length) : value;
      if (!/^[A-Za-z0-9\-.]{1,64}$/.test(id)) throw invalid(name, 'must be a Patient id or Patient/<id>');
      if (search.person !== undefined && search.person !== id) throw invalid(name, 'names two different people');
      search.person = id;
      return;
    }
    case 'identifier': {
      const bar = value.indexOf('|');
      const identifierSystem = bar >= 0 ? value.slice(0, bar) : system.nhsNumber;
      const number = (bar >= 0 ? value.slice(bar + 1) : value).replace(/[\s-]/g, '');
      if (identifierSystem !== system.nhsNumber) throw invalid(name, `must use the NHS number system (${system.nhsNumber}|<number>)`, 'not-supported');
      if (!/^\d{10}$/.test(number)) throw invalid(name, 'must be an NHS number: 10 digits');
      search.nhsNumber = number;
      return;
    }
  }
}

function integer(name: string, value: string, min: number): number {
  if (!/^\d{1,9}$/.test(value) || Number(value) < min) throw invalid(name, `must be a whole number, at least ${min}`);
  return Number(value);
}

const PREFIXED_DATE = /^(eq|ge|le|gt|lt)?(\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?)?)?)$/;

/**
 * A FHIR date parameter as a range of instants. A date means its whole span (a day, month or year
 * in England, matching how the worklists read days); `ge` includes the span, `gt` starts after it,
 * `le` ends with it, `lt` ends before it.
 */
export function dateRange(name: string, value: string): InstantRange {
  const match = PREFIXED_DATE.exec(value);
  const span = match ? spanOf(match[2]!) : undefined;
  if (!match || !span) throw invalid(name, 'must be a date (YYYY, YYYY-MM, YYYY-MM-DD or a dateTime with a zone), optionally after eq, ge, gt, le or lt');
  switch (match[1] ?? 'eq') {
    case 'ge':
      return { from: span.from };
    case 'gt':
      // After the end of time as the database counts it: nothing, which is a range no record is in.
      return span.to ? { from: span.to } : { from: span.from, to: span.from };
    case 'le':
      return span.to ? { to: span.to } : {};
    case 'lt':
      return { to: span.from };
    default:
      return span;
  }
}

function spanOf(value: string): { from: string; to?: string } | undefined {
  if (value.includes('T')) {
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) return undefined;
    return inDatabaseRange(new Date(ms), new Date(ms + 1000));
  }
  const [y, m, d] = value.split('-').map(Number) as [number, number?, number?];
  // londonDay reads years below 100 as 19xx (Date.UTC does), and no record here is that old.
  if (y < 1000) return undefined;
  if (m !== undefined && (m < 1 || m > 12)) return undefined;
  if (d !== undefined && (d < 1 || d > new Date(Date.UTC(y, m!, 0)).getUTCDate())) return undefined;
  const first = londonDay(value);
  const next = d !== undefined ? first! + 1 : m !== undefined ? londonDay(m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`) : londonDay(`${y + 1}`);
  if (first === undefined || next === undefined) return undefined;
  return inDatabaseRange(endOfLondonDay(first - 1), endOfLondonDay(next - 1));
}

/**
 * A span as ISO instants the database reads: years 1 to 9999. A span ending after 9999 is open at
 * its end; one starting before year 1 is not a date anyone recorded, and is refused.
 */
function inDatabaseRange(from: Date, to: Date): { from: string; to?: string } | undefined {
  if (from.getUTCFullYear() < 1 || from.getUTCFullYear() > 9999) return undefined;
  return to.getUTCFullYear() > 9999 ? { from: from.toISOString() } : { from: from.toISOString(), to: to.toISOString() };
}

function invalid(field: string, message: string, code = 'invalid-search') {
  return new ApiError(400, code, `The search parameter ${field} ${message}.`, [{ field, message }]);
}
