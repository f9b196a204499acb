import { flagForReader } from '../access/restricted-flags.ts';
import { mhaLegalStatuses, redFlags } from '../fhir/clinical-codes.ts';
import { conceptText, type CodeableConcept } from '../fhir/datatypes.ts';
import { personalRelationships } from '../fhir/codes.ts';
import { extension, system } from '../fhir/systems.ts';
import { describeRecord, type NameOf } from '../timeline/describe.ts';
import { packetSectionOrder, transferRules, type PacketSectionCode } from './transfer-rules.ts';
import { planText, readPlan } from '../plans/plan-view.ts';

/** One of the person's records, as the packet reads it. */
export interface PacketSource {
  resourceType: string;
  id: string;
  resource: Record<string, any>;
}

/** One record in a section: what it is, in words, and the record it came from. */
export interface PacketItem {
  /** "CarePlan/plan-1": the record this line came from. */
  reference: string;
  title: string;
  detail?: string;
  /** The record's own words (a plan's description, what a red flag was about, the dose). */
  text?: string;
  /** FHIR date or dateTime the record is dated by, when it has one. */
  date?: string;
}

export interface PacketSection {
  code: PacketSectionCode;
  title: string;
  required: boolean;
  items: PacketItem[];
  /** Set when a required section has nothing on record: what is missing and what to do. */
  missing?: string;
  /** Set when a section that is not required is empty: says so rather than showing nothing. */
  none?: string;
}

export interface HandoverPacket {
  sections: PacketSection[];
  /** The required sections with nothing on record, in section order: shown first, never hidden. */
  missing: Array<{ section: PacketSectionCode; message: string }>;
}

type R = Record<string, any>;

const codes = (concepts: CodeableConcept[] | undefined, codeSystem: string): string[] =>
  (concepts ?? []).flatMap((c) => c.coding ?? []).filter((c) => c.system === codeSystem && c.code).map((c) => c.code!);

const sharingWords: Record<string, string> = {
  full: 'agreed to share information',
  limited: 'limited information sharing agreed',
  none: 'the person has not agreed to share information with them',
};

/** Newest first, undated last; then by reference, so the packet reads the same every time. */
function newestFirst(a: PacketItem, b: PacketItem): number {
  if (a.date !== b.date) return a.date === undefined ? 1 : b.date === undefined ? -1 : a.date < b.date ? 1 : -1;
  return a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0;
}

function readPlanText(r: R): string | undefined {
  const view = readPlan(r);
  return view ? planText(view) : undefined;
}

function extensionOf(r: R, url: string): R | undefined {
  return (r.extension as R[] | undefined)?.find((x) => x.url === url);
}

function plan(source: PacketSource, nameOf: NameOf): PacketItem {
  const r = source.resource;
  const described = describeRecord('CarePlan', r, nameOf);
  const reviewed = extensionOf(r, extension.lastReviewed)?.valueDate as string | undefined;
  const author = nameOf(r.author?.reference);
  return {
    reference: `CarePlan/${source.id}`,
    title: r.title ?? described.title,
    detail: [reviewed && `last reviewed ${reviewed}`, author && `by ${author}`].filter(Boolean).join(' · ') || undefined,
    // A plan written in sections (docs/fhir.md) has no description: its sections are what is handed over.
    text: readPlanText(r) ?? r.description,
    date: r.created ?? r.period?.start,
  };
}

function historyItem(source: PacketSource, nameOf: NameOf): PacketItem | undefined {
  const r = source.resource;
  const reference = `${source.resourceType}/${source.id}`;
  if (source.resourceType === 'Encounter') {
    if (r.class?.code !== 'IMP') return undefined;
    const described = describeRecord('Encounter', r, nameOf);
    return { reference, title: described.title, detail: described.detail, date: r.period?.start };
  }
  if (source.resourceType !== 'Flag') return undefined;
  const categories = codes(r.category, system.flagCategory);
  const date = r.period?.start;
  const status = r.status === 'active' ? (r.period?.end ? undefined : 'current') : `ended${r.period?.end ? ` ${r.period.end}` : ''}`;
  if (categories.includes('mha-legal-status')) {
    const code = codes([r.code], system.mhaLegalStatus)[0] as keyof typeof mhaLegalStatuses | undefined;
    return { reference, title: `Mental Health Act: ${(code && mhaLegalStatuses[code]) ?? describeRecord('Flag', r, nameOf).title}`, detail: status, date };
  }
  if (categories.includes('red-flag') || categories.includes('social-need')) {
    const code = codes([r.code], system.redFlag)[0] as keyof typeof redFlags | undefined;
    const title = (code && redFlags[code]) ?? describeRecord('Flag', r, nameOf).title;
    const said = conceptText(r.code);
    return { reference, title, detail: status, ...(said && said !== title ? { text: said } : {}), date };
  }
  return undefined;
}

function carer(source: PacketSource): PacketItem {
  const r = source.resource;
  const name = [r.name?.[0]?.given?.join(' '), r.name?.[0]?.family].filter(Boolean).join(' ') || 'Name not recorded';
  const relationshipCode = codes(r.relationship, system.v3RoleCode)[0];
  const relationship = r.relationship?.[0]?.text ?? (relationshipCode && personalRelationships[relationshipCode]) ?? conceptText(r.relationship?.[0]);
  const sharing = extensionOf(r, extension.informationSharing)?.valueCodeableConcept?.coding?.[0]?.code as string | undefined;
  const phone = (r.telecom as R[] | undefined)?.find((t) => t.system === 'phone')?.value;
  const main = extensionOf(r, extension.isMainCarer)?.valueBoolean === true;
  return {
    reference: `RelatedPerson/${source.id}`,
    title: name,
    detail: [relationship, main && 'main carer', phone && `phone ${phone}`, sharing && (sharingWords[sharing] ?? sharing)].filter(Boolean).join(' · ') || undefined,
  };
}

function medicine(source: PacketSource, nameOf: NameOf): PacketItem {
  const r = source.resource;
  const described = describeRecord('MedicationRequest', r, nameOf);
  const prescriber = nameOf(r.requester?.reference);
  return {
    reference: `MedicationRequest/${source.id}`,
    title: described.title,
    ...(prescriber ? { detail: `by ${prescriber}` } : {}),
    ...(r.dosageInstruction?.[0]?.text ? { text: r.dosageInstruction[0].text } : {}),
    date: r.authoredOn,
  };
}

/**
 * The handover packet for a transfer of care (issue 4 part 6): the person's current care plan,
 * safety plan, crisis plan and risk formulation (CarePlan by category, active only), their history
 * (hospital admissions, Mental Health Act detentions and CTOs, red flags and social needs, current
 * or not: history must not be missed; MARAC and MAPPA flags only as the fact that one exists), their
 * family and carers, and their current prescriptions.
 * Each line names the record it came from. A required section with nothing on record is named in
 * `missing`, in the words of transfer-rules.ts: the gap is shown, not hidden.
 *
 * Pure: pass the person's records (any types; others are ignored) and a way to name references.
 */
export function handoverPacket(records: readonly PacketSource[], nameOf: NameOf = () => undefined): HandoverPacket {
  const items = new Map<PacketSectionCode, PacketItem[]>(packetSectionOrder.map((c) => [c, []]));
  for (const source of records) {
    const r = source.resource;
    if (source.resourceType === 'CarePlan' && r.status === 'active') {
      for (const category of new Set(codes(r.category, system.carePlanCategory))) {
        if (category === 'care-plan' || category === 'safety-plan' || category === 'crisis-plan' || category === 'risk-formulation') items.get(category)!.push(plan(source, nameOf));
      }
    } else if (source.resourceType === 'Encounter' || source.resourceType === 'Flag') {
      // The receiving team has no relationship with the person yet, and the packet is kept as sent:
      // a MARAC or MAPPA flag goes as its existence and whom to ask (restricted-flags.ts), never its content.
      const item = historyItem(source.resourceType === 'Flag' ? { ...source, resource: flagForReader(r, 'existence')! } : source, nameOf);
      if (item) items.get('history')!.push(item);
    } else if (source.resourceType === 'RelatedPerson') {
      items.get('carers')!.push(carer(source));
    } else if (source.resourceType === 'MedicationRequest' && r.status === 'active') {
      items.get('medicines')!.push(medicine(source, nameOf));
    }
  }
  const sections = packetSectionOrder.map((code): PacketSection => {
    const rule = transferRules.packetSections[code];
    const list = items.get(code)!.sort(code === 'carers' ? (a, b) => a.title.localeCompare(b.title) || newestFirst(a, b) : newestFirst);
    const section: PacketSection = { code, title: rule.title, required: rule.required, items: list };
    if (list.length === 0) {
      if ('missing' in rule) section.missing = rule.missing;
      if ('none' in rule) section.none = rule.none;
    }
    return section;
  });
  return { sections, missing: sections.filter((s) => s.missing).map((s) => ({ section: s.code, message: s.missing! })) };
}
