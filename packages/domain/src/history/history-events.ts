import { redFlags } from '../fhir/clinical-codes.ts';
import { staffRoles } from '../fhir/codes.ts';
import { conceptText, type CodeableConcept } from '../fhir/datatypes.ts';
import { extension, system } from '../fhir/systems.ts';
import { londonDay } from '../engagement/london-calendar.ts';
import type { HistorySources } from './history-facts.ts';
import type { HistoryKind } from './history-rules.ts';

type R = Record<string, any>;

/** One dated thing in a person's history, with the record it came from. */
export interface HistoryEvent {
  kind: HistoryKind;
  /** FHIR date or dateTime it began or happened; null when the record has none. */
  date: string | null;
  /** When it ended, for what lasts (an admission, a detention, a key worker's time); absent otherwise. */
  end?: string | null;
  /** Still going on as the record stands: in hospital, detained, the key worker now. */
  ongoing?: boolean;
  /** An admission's length of stay in days, once discharged. */
  days?: number;
  title: string;
  detail?: string;
  /** The record's own words: what a carer or a partner said, what a red flag was about. */
  words?: string;
  /** Key workers and care teams: the member of staff, so the summary counts people, not periods. */
  staff?: string;
  /** "Encounter/e1": the record this came from. */
  reference: string;
}

const codesIn = (concepts: CodeableConcept[] | undefined, codeSystem: string): string[] =>
  (concepts ?? []).flatMap((c) => c.coding ?? []).filter((c) => c.system === codeSystem && c.code).map((c) => c.code!);
const idOf = (reference: unknown, type: string): string | undefined =>
  typeof reference === 'string' && reference.startsWith(`${type}/`) ? reference.slice(type.length + 1) : undefined;
const joined = (...parts: Array<string | null | undefined | false>) => parts.filter(Boolean).join(' · ') || undefined;
const dayCount = (n: number) => (n === 1 ? '1 day' : `${n} days`);

function lengthOfStay(start: string | undefined, end: string | undefined): number | undefined {
  const from = londonDay(start);
  const to = londonDay(end);
  return from === undefined || to === undefined ? undefined : Math.max(0, to - from);
}

function encounterEvents(r: R, id: string, sources: HistorySources): HistoryEvent[] {
  if (r.status === 'entered-in-error' || r.status === 'cancelled') return [];
  const reference = `Encounter/${id}`;
  const provider = sources.nameOf(r.serviceProvider?.reference);
  if (r.class?.code === 'IMP') {
    const days = r.period?.end ? lengthOfStay(r.period?.start, r.period.end) : undefined;
    return [
      {
        kind: 'admission',
        date: r.period?.start ?? null,
        end: r.period?.end ?? null,
        ongoing: !r.period?.end,
        ...(days !== undefined ? { days } : {}),
        title: 'Admitted to hospital',
        detail: joined(provider, r.period?.end ? (days !== undefined ? `stayed ${dayCount(days)}` : 'discharged') : 'still in hospital'),
        reference,
      },
    ];
  }
  const team = idOf(r.serviceProvider?.reference, 'Organization');
  if (team && sources.crisisTeams.has(team)) {
    const staff = (r.participant as R[] | undefined)?.map((p) => p.individual?.reference as string | undefined).find(Boolean);
    return [{ kind: 'crisis', date: r.period?.start ?? null, title: 'Contact with a crisis team', detail: joined(provider, sources.nameOf(staff)), reference }];
  }
  return [];
}

function episodeEvents(r: R, id: string, sources: HistorySources): HistoryEvent[] {
  if (r.status === 'entered-in-error' || r.status === 'cancelled') return [];
  const reference = `EpisodeOfCare/${id}`;
  const teamReference = r.managingOrganization?.reference as string | undefined;
  const team = sources.nameOf(teamReference) ?? 'A team';
  const keyWorker = sources.nameOf(r.careManager?.reference);
  const open = r.status !== 'finished';
  const transfer = (r.extension as R[] | undefined)?.find((x) => x.url === extension.transferOfCare);
  const part = (name: string) => (transfer?.extension as R[] | undefined)?.find((x) => x.url === name);
  const receivingTeam = sources.nameOf(part('receivingTeam')?.valueReference?.reference) ?? part('receivingService')?.valueString;
  // A receiving team's episode names the one it continues: say whose care it took over.
  const fromEpisode = idOf((r.extension as R[] | undefined)?.find((x) => x.url === extension.transferredFrom)?.valueReference?.reference, 'EpisodeOfCare');
  const from = fromEpisode ? sources.records.find((x) => x.resourceType === 'EpisodeOfCare' && x.id === fromEpisode)?.resource : undefined;
  const sendingTeam = from ? (sources.nameOf(from.managingOrganization?.reference) ?? 'another team') : undefined;
  const events: HistoryEvent[] = [
    {
      kind: 'key-worker',
      date: r.period?.start ?? null,
      end: r.period?.end ?? null,
      ongoing: open,
      title: keyWorker ? `Key worker ${keyWorker}, ${team}` : `${team}, no key worker named`,
      ...(keyWorker ? { staff: keyWorker } : {}),
      detail: joined(open ? 'current' : r.period?.end ? 'ended' : 'ended, no date', sendingTeam && `transferred from ${sendingTeam}`, receivingTeam && `transferred to ${receivingTeam}`),
      reference,
    },
  ];
  const teamId = idOf(teamReference, 'Organization');
  if (teamId && sources.crisisTeams.has(teamId)) {
    events.push({ kind: 'crisis', date: r.period?.start ?? null, end: r.period?.end ?? null, ongoing: open, title: `Crisis team episode, ${team}`, detail: open ? 'current' : undefined, reference });
  }
  return events;
}

function careTeamEvents(r: R, id: string, sources: HistorySources): HistoryEvent[] {
  if (r.status === 'entered-in-error') return [];
  const team = sources.nameOf(r.managingOrganization?.[0]?.reference ?? r.managingOrganization?.reference);
  return ((r.participant ?? []) as R[])
    .filter((p) => idOf(p.member?.reference, 'Practitioner'))
    .map((p, index): HistoryEvent => {
      const roleCode = codesIn(p.role, system.staffRole)[0] as keyof typeof staffRoles | undefined;
      const role = (roleCode && staffRoles[roleCode]) ?? conceptText(p.role?.[0]);
      const start = p.period?.start ?? r.period?.start ?? null;
      const end = p.period?.end ?? r.period?.end ?? null;
      const staff = sources.nameOf(p.member.reference) ?? 'a member of staff';
      return {
        kind: 'key-worker',
        staff,
        date: start,
        end,
        ongoing: !end && r.status !== 'inactive',
        title: `In the care team: ${staff}`,
        detail: joined(role, team),
        reference: `CareTeam/${id}#${index}`,
      };
    });
}

function flagEvents(r: R, id: string): HistoryEvent[] {
  const categories = codesIn(r.category, system.flagCategory);
  if (r.status === 'entered-in-error' || !(categories.includes('red-flag') || categories.includes('social-need'))) return [];
  const code = codesIn([r.code], system.redFlag)[0] as keyof typeof redFlags | undefined;
  const title = (code && redFlags[code]) ?? conceptText(r.code) ?? 'Red flag';
  const said = conceptText(r.code);
  const ongoing = r.status === 'active' && !r.period?.end;
  return [
    {
      kind: 'red-flag',
      date: r.period?.start ?? null,
      end: r.period?.end ?? null,
      ongoing,
      title,
      detail: joined(categories.includes('social-need') && !categories.includes('red-flag') ? 'social need' : undefined, ongoing ? 'active' : 'no longer active'),
      ...(said && said !== title ? { words: said } : {}),
      reference: `Flag/${id}`,
    },
  ];
}

function concernEvents(r: R, id: string, sources: HistorySources, answered: ReadonlySet<string>): HistoryEvent[] {
  const category = codesIn(r.category, system.communicationCategory);
  const carer = category.includes('carer-concern');
  if (r.status === 'entered-in-error' || !(carer || category.includes('partner-concern'))) return [];
  const sender = r.sender?.reference as string | undefined;
  const words = (r.payload as R[] | undefined)?.find((p) => p.contentString)?.contentString as string | undefined;
  return [
    {
      kind: 'concern',
      date: r.sent ?? null,
      title: carer ? 'Concern raised by a carer or family member' : `Concern raised by ${sources.nameOf(sender) ?? 'a partner agency'}`,
      detail: carer ? (answered.has(id) ? 'answered' : 'not answered') : undefined,
      ...(words ? { words } : {}),
      reference: `Communication/${id}`,
    },
  ];
}

function medicineEvents(sources: HistorySources): HistoryEvent[] {
  return sources.medicines.flatMap((m) => {
    const reference = `MedicationRequest/${m.id}`;
    const events: HistoryEvent[] = [{ kind: 'medicine', date: m.prescribed, title: `Started ${m.name}`, detail: m.current ? 'still prescribed' : undefined, reference }];
    if (m.personSays?.stoppedAgainstAdvice) {
      events.push({ kind: 'medicine', date: m.personSays.on, title: `Stopped ${m.name} against advice`, ...(m.personSays.words ? { words: m.personSays.words } : {}), reference: `${reference}#person-says` });
    }
    if (m.stopped) events.push({ kind: 'medicine', date: m.stopped.on, title: `Prescriber stopped ${m.name}`, ...(m.stopped.reason ? { detail: m.stopped.reason } : {}), reference: `${reference}#stopped` });
    return events;
  });
}

function legalStatusEvents(sources: HistorySources): HistoryEvent[] {
  return sources.legalStatuses.map((s) => ({
    kind: 'legal-status' as const,
    date: s.start,
    end: s.end,
    ongoing: s.current,
    title: s.kind === 'detention' ? `Detained: ${s.name}` : s.kind === 'cto' ? `On a Community Treatment Order` : s.name,
    detail: joined(s.current ? 'current' : 'ended', s.conditions.length > 0 && `conditions: ${s.conditions.join('; ').toLowerCase()}`),
    reference: `Flag/${s.id}`,
  }));
}

/** Every event in a person's history, in no particular order (person-history.ts orders and groups them). */
export function historyEvents(sources: HistorySources): HistoryEvent[] {
  const answered = new Set(
    sources.records
      .filter((r) => r.resourceType === 'Communication' && codesIn(r.resource.category, system.communicationCategory).includes('carer-concern-response'))
      .flatMap((r) => ((r.resource.inResponseTo ?? []) as R[]).map((x) => idOf(x.reference, 'Communication')).filter((x): x is string => Boolean(x))),
  );
  const fromRecords = sources.records.flatMap(({ resourceType, id, resource }) => {
    if (resourceType === 'Encounter') return encounterEvents(resource, id, sources);
    if (resourceType === 'EpisodeOfCare') return episodeEvents(resource, id, sources);
    if (resourceType === 'CareTeam') return careTeamEvents(resource, id, sources);
    if (resourceType === 'Flag') return flagEvents(resource, id);
    if (resourceType === 'Communication') return concernEvents(resource, id, sources, answered);
    return [];
  });
  return [...fromRecords, ...legalStatusEvents(sources), ...medicineEvents(sources)];
}
