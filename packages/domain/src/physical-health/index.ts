export * from './physical-health-rules.ts';
export * from './physical-health-facts.ts';
export * from './evaluate-physical-health.ts';
export * from './check-result-value.ts';
export * from './record-invitation.ts';
