export * from './self-assessment-tool.ts';
export * from './maturity-summary.ts';
export * from './governance-actions.ts';
export * from './incident-themes.ts';
