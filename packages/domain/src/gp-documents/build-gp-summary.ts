import { flagForReader } from '../access/restricted-flags.ts';
import { londonDay, shortDate } from '../engagement/london-calendar.ts';
import { dischargeReasons, ICD10, mhaLegalStatuses, s117Aftercare } from '../fhir/clinical-codes.ts';
import { conceptText } from '../fhir/datatypes.ts';
import { extension, system } from '../fhir/systems.ts';
import { planText, readPlan } from '../plans/plan-view.ts';
import { closeReferences } from './document-references.ts';
import { gpSummaryRules, gpSummarySectionSystem, type GpSummaryKind, type GpSummarySectionCode } from './gp-summary-rules.ts';

type R = Record<string, any>;

/** What a summary is made of: the person's own records and the shared records they point at. */
export interface GpSummarySources {
  kind: GpSummaryKind;
  /** The document's id (a UUID): the Bundle's and the Composition's. */
  documentId: string;
  /** When it was produced (ISO instant). */
  date: string;
  /** The FHIR base the entries' fullUrls are under (the platform's /fhir). */
  base: string;
  patient: R;
  /** The GP practice (Organization) it is for. */
  practice: R;
  /** Who keeps the document: the team the person was with (Organization). */
  custodian: R;
  /** Who wrote it: the clinician's Practitioner, or the team when they have none. */
  author: R;
  /** The episode of care that ended or moved. */
  episode: R;
  /** Why care ended or moved, in words (the discharge reason, or the transfer's reason and teams). */
  reason: string;
  /** What the clinician asks of the GP, in their words. */
  followUp: string;
  /** The person's records: Conditions, MedicationRequests, Flags, CarePlans (others are ignored). */
  records: readonly R[];
  /** Names of people and teams the records point at, for references the document does not carry. */
  nameOf: (reference: string) => string | undefined;
  /** Phone numbers of teams and staff, by reference. */
  phoneOf: (reference: string) => string | undefined;
}

const ENDED_CONDITION = ['inactive', 'resolved', 'remission'];
const UNTRUE = ['refuted', 'entered-in-error'];
const codesOf = (concepts: R[] | undefined, codeSystem: string): string[] => (concepts ?? []).flatMap((c) => c.coding ?? []).filter((c: R) => c.system === codeSystem).map((c: R) => c.code);
const onDay = (value: string | undefined) => {
  const day = londonDay(value);
  return day === undefined ? undefined : shortDate(day, -1);
};
const referenceOf = (r: R) => `${r.resourceType}/${r.id}`;

interface Section {
  code: GpSummarySectionCode;
  lines: string[];
  entries: R[];
  /** The words when there is nothing to list. */
  none: string;
}

/**
 * The discharge or transfer summary for a person's GP practice as a FHIR R4 document
 * (gp-summary-rules.ts): a Bundle of type `document`, the Composition first, then every resource its
 * sections and header reference, each a copy whose references resolve inside the Bundle. Sections
 * are in words; red flags, risk formulations and anything like a risk level are never included.
 */
export function buildGpSummary(sources: GpSummarySources): R {
  const { kind, patient, practice, custodian, author, episode } = sources;
  const records = sources.records;
  const conditions = records.filter((r) => r.resourceType === 'Condition')
    .filter((c) => !ENDED_CONDITION.includes(c.clinicalStatus?.coding?.[0]?.code) && !UNTRUE.includes(c.verificationStatus?.coding?.[0]?.code));
  const medicines = records.filter((r) => r.resourceType === 'MedicationRequest' && gpSummaryRules.currentMedicineStatuses.includes(r.status));
  // Only legal-status and s117 flags; through the restricted-flag rule as a partner would read it, so no MARAC or MAPPA flag could ever pass.
  const legal = records
    .filter((r) => r.resourceType === 'Flag' && r.status === 'active' && codesOf(r.category, system.flagCategory).some((c) => gpSummaryRules.flagCategories.includes(c)))
    .filter((r) => flagForReader(r, 'none') !== undefined);
  const crisisPlans = records
    .filter((r) => r.resourceType === 'CarePlan' && r.status === 'active' && codesOf(r.category, system.carePlanCategory).includes('crisis-plan'))
    .sort((a, b) => String(b.created ?? '').localeCompare(String(a.created ?? '')));
  const crisisPlan = crisisPlans[0];

  const teamReference = episode.managingOrganization?.reference as string | undefined;
  const keyWorkerReference = episode.careManager?.reference as string | undefined;
  const extensionString = (url: string) => ((episode.extension ?? []) as R[]).find((x) => x.url === url)?.valueString as string | undefined;

  const sections: Section[] = [
    { code: 'reason', lines: [sources.reason, episodeWords(episode, sources.nameOf)].filter(Boolean), entries: [episode], none: '' },
    {
      code: 'diagnoses',
      lines: conditions.map((c) => {
        const icd10 = codesOf([c.code], ICD10)[0];
        return [`${conceptText(c.code) ?? 'Diagnosis'}${icd10 ? ` (ICD-10 ${icd10})` : ''}`, onDay(c.onsetDateTime ?? c.recordedDate) && `recorded ${onDay(c.onsetDateTime ?? c.recordedDate)}`].filter(Boolean).join(', ');
      }),
      entries: conditions,
      none: 'No diagnosis recorded by the mental health service.',
    },
    {
      code: 'medications',
      lines: medicines.map((m) => {
        const name = conceptText(m.medicationCodeableConcept) ?? 'A medicine';
        const dose = m.dosageInstruction?.[0]?.text;
        return `${name}${dose ? `: ${dose}` : ''}. Prescribed and supplied by the mental health team${onDay(m.authoredOn) ? ` since ${onDay(m.authoredOn)}` : ''}${m.status === 'on-hold' ? ' (on hold)' : ''}.`;
      }),
      entries: medicines,
      none: 'No medicines prescribed by the mental health service.',
    },
    {
      code: 'legal',
      lines: legal.map((f) => {
        const since = onDay(f.period?.start);
        const legalStatus = codesOf([f.code], system.mhaLegalStatus)[0] as keyof typeof mhaLegalStatuses | undefined;
        if (legalStatus) return `Mental Health Act: ${mhaLegalStatuses[legalStatus] ?? legalStatus}${since ? ` since ${since}` : ''}.`;
        if (codesOf([f.code], system.mhaAftercare).includes(s117Aftercare.code)) return `Entitled to section 117 aftercare${since ? ` since ${since}` : ''}: aftercare services for their mental health needs are free of charge.`;
        return `${conceptText(f.code) ?? 'Legal status'}${since ? ` since ${since}` : ''}.`;
      }),
      entries: legal,
      none: 'No Mental Health Act status in force and no section 117 aftercare recorded.',
    },
    {
      code: 'crisis-plan',
      lines: [
        ...(crisisPlan ? [planWords(crisisPlan)] : []),
        ...(extensionString(extension.relapseIndicators) ? [`Early signs of relapse: ${extensionString(extension.relapseIndicators)}`] : []),
        ...(extensionString(extension.routeBack) ? [`Route back into the service: ${extensionString(extension.routeBack)}`] : []),
      ],
      entries: crisisPlan ? [crisisPlan] : [],
      none: 'No crisis or relapse plan recorded.',
    },
    { code: 'follow-up', lines: [sources.followUp], entries: [], none: '' },
    {
      code: 'contacts',
      lines: [
        ...(teamReference ? [`Team: ${sources.nameOf(teamReference) ?? 'the team'}${sources.phoneOf(teamReference) ? `, telephone ${sources.phoneOf(teamReference)}` : ''}`] : []),
        ...(keyWorkerReference ? [`Key worker: ${sources.nameOf(keyWorkerReference) ?? 'not named'}${sources.phoneOf(keyWorkerReference) ? `, telephone ${sources.phoneOf(keyWorkerReference)}` : ''}`] : []),
        `Written by: ${nameOfResource(author)}`,
      ],
      entries: [],
      none: '',
    },
  ];

  const carriedResources = uniqueBy([patient, practice, custodian, author, ...sections.flatMap((s) => s.entries)]);
  const carried = new Set(carriedResources.map(referenceOf));
  const composition = {
    resourceType: 'Composition',
    id: sources.documentId,
    status: 'final',
    type: { coding: [...gpSummaryRules.kinds[kind].type], text: gpSummaryRules.kinds[kind].title },
    subject: { reference: referenceOf(patient) },
    date: sources.date,
    author: [{ reference: referenceOf(author) }],
    title: gpSummaryRules.kinds[kind].title,
    custodian: { reference: referenceOf(custodian) },
    ...(episode.period ? { event: [{ period: episode.period }] } : {}),
    section: sections.map((s) => {
      const definition = gpSummaryRules.sections.find((d) => d.code === s.code)!;
      const lines = s.lines.length > 0 ? s.lines : [s.none];
      return {
        title: definition.title,
        code: { coding: [{ system: gpSummarySectionSystem, code: s.code, display: definition.title }, ...(definition.loinc ? [{ system: system.loinc, ...definition.loinc }] : [])] },
        text: { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${lines.map((l) => `<p>${escapeXhtml(l)}</p>`).join('')}</div>` },
        ...(s.entries.length > 0 ? { entry: s.entries.map((e) => ({ reference: referenceOf(e) })) } : {}),
      };
    }),
  };
  return {
    resourceType: 'Bundle',
    id: sources.documentId,
    identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${sources.documentId}` },
    type: 'document',
    timestamp: sources.date,
    entry: [composition, ...carriedResources.map((r) => closeReferences(withoutServerMeta(r), carried, sources.nameOf))].map((resource) => ({
      fullUrl: `${sources.base}/${resource.resourceType}/${resource.id}`,
      resource,
    })),
  };
}

function episodeWords(episode: R, nameOf: (reference: string) => string | undefined): string {
  const team = episode.managingOrganization?.reference ? nameOf(episode.managingOrganization.reference) : undefined;
  const start = onDay(episode.period?.start);
  const end = onDay(episode.period?.end);
  const reason = ((episode.extension ?? []) as R[]).find((x) => x.url === extension.dischargeReason)?.valueCodeableConcept?.coding?.[0]?.code as keyof typeof dischargeReasons | undefined;
  return [
    team && `Care with ${team}`,
    start && `from ${start}`,
    end && `to ${end}`,
    reason && dischargeReasons[reason] && `(recorded reason: ${dischargeReasons[reason].charAt(0).toLowerCase()}${dischargeReasons[reason].slice(1)})`,
  ].filter(Boolean).join(' ').concat(team || start ? '.' : '');
}

function planWords(plan: R): string {
  const view = readPlan(plan);
  return (view ? planText(view) : undefined) ?? plan.description ?? plan.title ?? 'Crisis plan';
}

function nameOfResource(r: R): string {
  if (r.resourceType === 'Organization') return r.name ?? 'the team';
  const name = r.name?.[0];
  return [name?.given?.join(' '), name?.family].filter(Boolean).join(' ') || 'a clinician';
}

/** The server's version and update time belong to this platform's copy, not the document's. */
function withoutServerMeta(r: R): R {
  const { meta: _meta, ...rest } = r;
  return rest;
}

function uniqueBy(resources: R[]): R[] {
  const seen = new Map<string, R>();
  for (const r of resources) if (!seen.has(referenceOf(r))) seen.set(referenceOf(r), r);
  return [...seen.values()];
}

function escapeXhtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '</p><p>');
}
