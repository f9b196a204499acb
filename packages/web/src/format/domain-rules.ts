/**
 * The few domain rules the browser needs (role names, break-glass limits), taken from the one file in
 * @continuity/domain that defines them. Imported by path rather than through the package's index,
 * which would also bundle the FHIR validators and zod into the web app.
 */
export { BREAK_GLASS_HOURS, BREAK_GLASS_MIN_REASON, isRole, roles } from '../../../domain/src/access/roles.ts';
export { boardPeopleReaders, reportReaders } from '../../../domain/src/access/report-readers.ts';
export { governanceEditors } from '../../../domain/src/governance/governance-actions.ts';
export { escalationLadder } from '../../../domain/src/engagement/escalation-ladder.ts';
export { deliveryStatusWords } from '../../../domain/src/gp-documents/delivery-words.ts';
