export * from './app.ts';
export * from './auth/passwords.ts';
export * from './http/errors.ts';
export * from './demo/demo-accounts.ts';
export * from './carers/carer-settings.ts';
export * from './auth/sso/sso-settings.ts';
export * from './demo/demo-community-assets.ts';
export * from './demo/demo-partner-sharing.ts';
