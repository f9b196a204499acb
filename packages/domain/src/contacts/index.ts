export * from './contact-rules.ts';
export * from './record-contact.ts';
export * from './contact-episode.ts';
