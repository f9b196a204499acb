/**
 * Transfers of care between teams or areas (issue 4 part 6): what a handover packet must carry, the
 * states a transfer moves through and what each step needs, each with where it comes from. Change a
 * rule here and the packet, the checks, their texts and their tests follow.
 *
 * The point of the whole capability is that nobody is lost in the gap between two teams: the sending
 * episode stays open, and the person stays on the sending team's caseload, until the receiving team
 * (or, out of area, the receiving service) has accepted them.
 */
import type { RuleSource } from '../engagement/engagement-rules.ts';

export type TransferStatus = 'proposed' | 'accepted' | 'declined' | 'withdrawn';
export type TransferAction = 'accept' | 'decline' | 'withdraw';
export type PacketSectionCode = 'care-plan' | 'safety-plan' | 'crisis-plan' | 'risk-formulation' | 'history' | 'carers' | 'medicines';

export const transferRules = {
  /** The episode is never closed on the sending side's word alone. */
  episodeStaysOpen: {
    says: 'The sending episode stays open, and the person on the sending caseload, until the transfer is accepted.',
    sources: [
      { source: 'shared/seeds/003_* line ~380', says: "maximise continuity of care and ensure no 'cliff-edge' of lost care and support by moving away from ... unsupported transitions and discharge to little or no support" },
      { source: 'shared/seeds/000_* lines ~276, 279', says: 'transitions of care are particularly high-risk periods; patients often fall through the cracks due to ineffective coordination between providers' },
      { source: 'shared/seeds/001_* line ~1969 (13. Necessary transfers and transitions)', says: 'a service to take the lead for subsequent assessment and care planning; clear information about which service to contact' },
    ] satisfies RuleSource[],
  },

  /**
   * The sections of the handover packet, in the order shown. A required section with nothing on
   * record is named as missing in `missing`, never left out quietly; an empty section that is not
   * required says plainly that there is nothing on record (`none`).
   */
  packetSections: {
    'care-plan': {
      title: 'Care plan',
      required: true,
      missing: 'No current care plan on record: write the care plan with the person before they move, so the receiving team knows what support is agreed.',
      sources: [{ source: 'shared/seeds/003_* line ~464', says: 'care plans (including safety plans) ... should be shared with receiving professionals upon transfers of care (both between services within a Trust) and when a patient moves between areas' }] satisfies RuleSource[],
    },
    'safety-plan': {
      title: 'Safety plan',
      required: true,
      missing: 'No safety plan on record: agree one with the person before they move, or tell the receiving team why there is none.',
      sources: [
        { source: 'shared/seeds/003_* line ~464', says: 'care plans (including safety plans) ... should be shared with receiving professionals upon transfers of care' },
        { source: 'shared/seeds/001_* line ~1971', says: 'the care plan includes strategies for ongoing safety planning and risk management' },
      ] satisfies RuleSource[],
    },
    'crisis-plan': {
      title: 'Crisis plan',
      required: true,
      missing: 'No crisis plan on record: the receiving team will not know what to do if the person becomes unwell during the move.',
      sources: [{ source: 'shared/seeds/001_* line ~1971', says: "there are crisis plans in place if the person's mental or physical health deteriorates" }] satisfies RuleSource[],
    },
    'risk-formulation': {
      title: 'Risk formulation',
      required: true,
      missing: 'No risk formulation on record: write down what is understood of the person’s risks and what helps, from their history, for the receiving team.',
      sources: [
        { source: 'shared/seeds/003_* line ~464', says: 'assessments (including risk assessments) ... should be shared with receiving professionals upon transfers of care' },
        { source: 'shared/seeds/003_* line ~467', says: "formulation approach based upon understanding of an individual's history" },
        { source: 'shared/seeds/001_* line ~1971', says: 'services share information on how to manage challenging or risky situations' },
      ] satisfies RuleSource[],
    },
    history: {
      title: 'History: admissions, detentions and red flags',
      required: false,
      none: 'No hospital admissions, Mental Health Act detentions or red flags on record.',
      sources: [
        { source: 'shared/seeds/003_* line ~380', says: "lack of continuity of care and failure to join-up presentation history; missed 'red flags' of earlier minor offending; knowledge of an individual's care history is vital" },
      ] satisfies RuleSource[],
    },
    carers: {
      title: 'Family and carers',
      required: false,
      none: 'No family members or carers on record.',
      sources: [
        { source: 'shared/seeds/001_* line ~1969', says: 'proactive planning for the transition, with input from family members, carers, or advocates' },
        { source: 'shared/seeds/001_* line ~1970', says: 'the needs of their family members or carers should also be considered' },
      ] satisfies RuleSource[],
    },
    medicines: {
      title: 'Current medicines',
      required: false,
      none: 'No current prescriptions on record.',
      sources: [
        { source: 'shared/seeds/001_* line ~1969', says: 'a reconciled list of their medicines ... before any new prescription is issued' },
        { source: 'shared/seeds/002_* line ~368', says: 'confusion or delays in transferring key information, such as changes in prescribed psychotropic medicines' },
      ] satisfies RuleSource[],
    },
  } satisfies Record<PacketSectionCode, { title: string; required: boolean; missing?: string; none?: string; sources: RuleSource[] }>,

  /**
   * What each step needs. Only a proposed transfer can move, and only once: an accepted, declined or
   * withdrawn transfer is history, and a new proposal starts again with a fresh packet.
   */
  transitions: {
    accept: {
      from: 'proposed',
      to: 'accepted',
      who: 'A team manager of the receiving team; out of area, a clinician of the sending team recording who at the receiving service confirmed, and when.',
      needs: 'Out of area: the name of the person at the receiving service who confirmed they have taken the person on, and when they confirmed.',
      sources: [{ source: 'issue 4 part 6', says: 'the episode stays open until the receiving team accepts it' }] satisfies RuleSource[],
    },
    decline: {
      from: 'proposed',
      to: 'declined',
      who: 'A team manager of the receiving team.',
      needs: 'A reason, so the sending team knows what to do next; the person stays with the sending team.',
      sources: [{ source: 'shared/seeds/001_* line ~1969', says: 'clear information about which service to contact and which service is providing the right ongoing support' }] satisfies RuleSource[],
    },
    withdraw: {
      from: 'proposed',
      to: 'withdrawn',
      who: 'A clinician of the sending team.',
      needs: 'Nothing more: the person stays with the sending team.',
      sources: [{ source: 'issue 4 part 6', says: 'the episode stays open until the receiving team accepts it' }] satisfies RuleSource[],
    },
  } satisfies Record<TransferAction, { from: TransferStatus; to: TransferStatus; who: string; needs: string; sources: RuleSource[] }>,

  /** Roles that may propose or withdraw a transfer, given access to the record. */
  proposingRoles: ['key-worker', 'team-manager'] as readonly string[],
  /** Roles of the receiving team that may accept or decline (the team decides who it takes on). */
  decidingRoles: ['team-manager'] as readonly string[],
  /** Roles of the receiving team that may read the packet of a person offered to it. */
  readingRoles: ['team-manager', 'key-worker', 'prescriber'] as readonly string[],

  /** The longest free text kept for a reason, a decline or a confirmation. */
  maxText: 4000,
} as const;

/** The order packet sections are built and shown in. */
export const packetSectionOrder: readonly PacketSectionCode[] = ['care-plan', 'safety-plan', 'crisis-plan', 'risk-formulation', 'history', 'carers', 'medicines'];
