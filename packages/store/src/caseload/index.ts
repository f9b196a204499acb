export * from './cover-arrangements.ts';
export * from './caseload-episodes.ts';
export * from './contact-summary.ts';
export * from './clinician-caseload.ts';
export * from './team-caseload.ts';
export * from './mdt-board.ts';
export * from './team-members.ts';
