import type { SignedInUser } from '../api/types.ts';
import { governanceEditors, reportReaders } from '../format/domain-rules.ts';
import { isClinicalRole } from '../format/roles.ts';

/** A page the header or a section's index links to, who it is for, and what it is for in a line. */
export interface SectionLink {
  to: string;
  text: string;
  says: string;
  shownTo: (user: SignedInUser) => boolean;
}

const clinical = (user: SignedInUser) => isClinicalRole(user.role);
/** Those who answer for a service's policy and equity: the report's readers in the domain. */
const overseers = (roles: readonly string[]) => (user: SignedInUser) => roles.includes(user.role);

/** Every worklist, in one place: the header links to their index once, so it fits on a screen. */
export const worklistLinks: readonly SectionLink[] = [
  { to: '/worklists/disengaged', text: 'Disengaged', says: 'People who have lost contact: no contact within their interval, missed appointments, medicines stopped, injections missed.', shownTo: clinical },
  { to: '/worklists/monitoring-overdue', text: 'Monitoring overdue', says: 'Blood tests, physical checks and reviews past their due day, and annual physical health checks not complete.', shownTo: clinical },
  { to: '/worklists/waiting', text: 'Waiting', says: 'People referred more than four weeks ago who have not yet had a second contact or an agreed plan.', shownTo: clinical },
  { to: '/team/waiting-list', text: 'Team waiting list', says: 'Everyone waiting for your team, with when they were referred, first seen and last checked in with.', shownTo: (user) => clinical(user) && user.teams.length > 0 },
  { to: '/worklists/shared-care', text: 'Shared care', says: 'Shared care proposals a GP practice declined or has not answered.', shownTo: clinical },
  { to: '/worklists/mha-deadlines', text: 'MHA deadlines', says: 'Community Treatment Orders expiring within 28 days, or expired and not renewed.', shownTo: clinical },
  { to: '/worklists/carer-concerns', text: 'Carers’ concerns', says: 'Concerns raised by carers and family with no response yet: due within 72 hours, the overdue first.', shownTo: clinical },
  { to: '/worklists/intensive-review', text: 'Intensive care review', says: 'People with psychosis and two or more other needs who may need intensive and assertive community care.', shownTo: clinical },
];

/** Every report, in one place, for the roles that answer for what it shows. */
export const reportLinks: readonly SectionLink[] = [
  { to: '/board', text: 'Board dashboard', says: 'Every board figure against its standard, with its trend and a breakdown by ethnicity and other characteristics.', shownTo: overseers(reportReaders.board) },
  { to: '/reports/discharge-audit', text: 'Discharge audit', says: 'Discharges of people with severe and relapsing illness that cite non-attendance or lack a required record.', shownTo: overseers(reportReaders['discharge-audit']) },
  { to: '/reports/waiting-times', text: 'Waiting times', says: 'Waits against the four-week standard, by team and ethnic group.', shownTo: overseers(reportReaders['waiting-times']) },
  { to: '/reports/physical-health', text: 'Physical health checks', says: 'SMI annual physical health check completion per team.', shownTo: overseers(reportReaders['physical-health']) },
  { to: '/reports/outcomes', text: 'Outcome measures', says: 'Outcome measures completed, and change from first to latest score, per team.', shownTo: overseers(reportReaders.outcomes) },
  { to: '/reports/mha-use', text: 'MHA use by ethnicity', says: 'Detentions and Community Treatment Orders per 100,000 people by ethnic group.', shownTo: overseers(reportReaders['mha-use']) },
  { to: '/governance/self-assessment', text: 'ICB self-assessment', says: 'The 14-domain maturity self-assessment: each question rated, categorised and commented, and where each domain stands.', shownTo: overseers(governanceEditors) },
  { to: '/governance/incidents', text: 'Incidents and learning', says: 'Serious incidents, complaints and compliments by theme, and how far their learning actions have got.', shownTo: overseers(governanceEditors) },
  { to: '/governance/actions', text: 'Action plan', says: 'Actions from the self-assessment and learning from incidents, with who is responsible, due dates and evidence; overdue ones first.', shownTo: overseers(governanceEditors) },
];
