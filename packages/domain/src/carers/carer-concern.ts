import { enteredDayProblem } from '../engagement/entered-day.ts';
import { londonDateTime, londonToday } from '../engagement/london-calendar.ts';
import { communicationCategories } from '../fhir/clinical-codes.ts';
import { FHIR_ID } from '../fhir/datatypes.ts';
import type { AnyResource } from '../fhir/resource-types.ts';
import { system } from '../fhir/systems.ts';
import {
  carerConcernRules,
  concernChannels,
  concernChannelSystem,
  concernOutcomeExtension,
  concernOutcomes,
  concernOutcomeSystem,
  participationModeSystem,
  type ConcernChannel,
  type ConcernOutcome,
} from './carer-concern-rules.ts';

/** A concern as staff log it, in the carer's words, before it is checked. */
export interface ConcernEntry {
  /** The resource id: made by the form when it opens, so sending it twice logs one concern. */
  id: string;
  personId: string;
  /** The RelatedPerson who raised it: one of this person's carers. */
  carerId: string;
  /** The team it was raised with (Organization id), when known. */
  teamId?: string | null;
  channel: string;
  /** When it was received, in England: YYYY-MM-DD and HH:MM. */
  date: string;
  time: string;
  /** The carer's words, kept exactly as given. */
  words: string;
}

/** A response as staff record it. */
export interface ResponseEntry {
  id: string;
  personId: string;
  outcome: string;
  /** What was said to the carer. */
  words: string;
  date: string;
  time: string;
  /** The staff member who responded. */
  practitionerId?: string | null;
}

export interface ConcernProblem {
  field: 'carerId' | 'channel' | 'date' | 'time' | 'words' | 'outcome' | 'concern';
  message: string;
}

export type ConcernOutcomeResult = { ok: true; resource: AnyResource } | { ok: false; problems: ConcernProblem[] };

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const category = (code: 'carer-concern' | 'carer-concern-response') => [{ coding: [{ system: system.communicationCategory, code, display: communicationCategories[code] }] }];

/** The received instant of a concern entered as a day and a time, with the problems of each field. */
function whenProblems(entry: { date: string; time: string }, now: Date, what: string): { at?: string; problems: ConcernProblem[] } {
  const problems: ConcernProblem[] = [];
  const dateProblem = enteredDayProblem(entry.date, londonToday(now), what);
  if (dateProblem) problems.push({ field: 'date', message: dateProblem });
  if (!TIME.test(entry.time)) problems.push({ field: 'time', message: 'must be a time of day as HH:MM, for example 14:30' });
  if (problems.length > 0) return { problems };
  const at = londonDateTime(entry.date, entry.time);
  if (Date.parse(at) > now.getTime()) return { problems: [{ field: 'time', message: `must not be later than now: ${what}` }] };
  return { at, problems };
}

function wordsProblem(words: string, what: string): ConcernProblem | undefined {
  if (words.trim() === '') return { field: 'words', message: `is needed: ${what}` };
  if (words.length > carerConcernRules.wordsMaxLength) return { field: 'words', message: `must be at most ${carerConcernRules.wordsMaxLength} characters` };
  return undefined;
}

/**
 * Checks a carer's concern and, when sound, turns it into the Communication docs/fhir.md describes:
 * category `carer-concern`, from the RelatedPerson to the team, `sent` and `received` the instant
 * it reached the team, the channel in `medium`, and the words exactly as given in the payload.
 */
export function logCarerConcern(entry: ConcernEntry, now: Date = new Date()): ConcernOutcomeResult {
  const problems: ConcernProblem[] = [];
  if (!Object.hasOwn(concernChannels, entry.channel)) problems.push({ field: 'channel', message: `must be one of: ${Object.keys(concernChannels).join(', ')}` });
  const when = whenProblems(entry, now, 'log a concern once it has been received');
  problems.push(...when.problems);
  const words = wordsProblem(entry.words, 'the concern in the carer’s own words');
  if (words) problems.push(words);
  if (problems.length > 0 || !when.at) return { ok: false, problems };
  if (!FHIR_ID.test(entry.id)) throw new Error('a concern id must be a FHIR id');

  const channel = concernChannels[entry.channel as ConcernChannel];
  const resource: AnyResource = {
    resourceType: 'Communication',
    id: entry.id,
    status: 'completed',
    category: category('carer-concern'),
    medium: [
      {
        coding: [
          { system: concernChannelSystem, code: entry.channel, display: channel.label },
          ...(channel.mode ? [{ system: participationModeSystem, code: channel.mode }] : []),
        ],
      },
    ],
    subject: { reference: `Patient/${entry.personId}` },
    sent: when.at,
    received: when.at,
    sender: { reference: `RelatedPerson/${entry.carerId}` },
    ...(entry.teamId ? { recipient: [{ reference: `Organization/${entry.teamId}` }] } : {}),
    payload: [{ contentString: entry.words }],
  };
  return { ok: true, resource };
}

/**
 * Checks a response to a carer's concern and, when sound, turns it into the Communication
 * docs/fhir.md describes: category `carer-concern-response`, `inResponseTo` the concern, from the
 * staff member's Practitioner to the carer, what was said, and the outcome (extension
 * SD/carer-concern-outcome). A response cannot come before the concern was received.
 */
export function respondToConcern(concern: AnyResource, entry: ResponseEntry, now: Date = new Date()): ConcernOutcomeResult {
  const c = concern as { id?: string; category?: Array<{ coding?: Array<{ system?: string; code?: string }> }>; sent?: string; received?: string; sender?: { reference?: string } };
  const isConcern = c.category?.some((cat) => cat.coding?.some((code) => code.system === system.communicationCategory && code.code === 'carer-concern'));
  if (!isConcern) return { ok: false, problems: [{ field: 'concern', message: 'is not a carer’s concern' }] };
  const problems: ConcernProblem[] = [];
  if (!Object.hasOwn(concernOutcomes, entry.outcome)) problems.push({ field: 'outcome', message: `must be one of: ${Object.keys(concernOutcomes).join(', ')}` });
  const when = whenProblems(entry, now, 'record a response once it has been given');
  problems.push(...when.problems);
  const received = c.received ?? c.sent;
  if (when.at && received && Date.parse(when.at) < Date.parse(received)) problems.push({ field: 'time', message: 'must not be before the concern was received' });
  const words = wordsProblem(entry.words, 'what was said to the carer');
  if (words) problems.push(words);
  if (problems.length > 0 || !when.at) return { ok: false, problems };
  if (!FHIR_ID.test(entry.id)) throw new Error('a response id must be a FHIR id');

  const outcome = entry.outcome as ConcernOutcome;
  const resource: AnyResource = {
    resourceType: 'Communication',
    id: entry.id,
    status: 'completed',
    category: category('carer-concern-response'),
    extension: [{ url: concernOutcomeExtension, valueCodeableConcept: { coding: [{ system: concernOutcomeSystem, code: outcome, display: concernOutcomes[outcome] }], text: concernOutcomes[outcome] } }],
    subject: { reference: `Patient/${entry.personId}` },
    inResponseTo: [{ reference: `Communication/${c.id}` }],
    sent: when.at,
    ...(entry.practitionerId ? { sender: { reference: `Practitioner/${entry.practitionerId}` } } : {}),
    ...(c.sender?.reference ? { recipient: [{ reference: c.sender.reference }] } : {}),
    payload: [{ contentString: entry.words }],
  };
  return { ok: true, resource };
}

type Medium = { coding?: Array<{ system?: string; code?: string }> };

/** How a concern reached the team, from its medium: the platform's channel code, or HL7's ParticipationMode (imports). */
export function concernChannelOf(medium: Medium[] | undefined): ConcernChannel | null {
  const codings = medium?.flatMap((m) => m.coding ?? []) ?? [];
  const own = codings.find((c) => c.system === concernChannelSystem && c.code && Object.hasOwn(concernChannels, c.code));
  if (own) return own.code as ConcernChannel;
  const mode = codings.find((c) => c.system === participationModeSystem)?.code;
  const matched = (Object.entries(concernChannels) as Array<[ConcernChannel, { mode?: string }]>).find(([, v]) => v.mode !== undefined && v.mode === mode);
  return matched ? matched[0] : null;
}
