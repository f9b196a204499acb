export * from './waiting-rules.ts';
export * from './referral-facts.ts';
export * from './referral-wait.ts';
export * from './waiting-reason.ts';
export * from './waiting-measures.ts';
export * from './triage-referral.ts';
export * from './record-check-in.ts';
export * from './record-referral.ts';
