import type { ResourceType } from '@continuity/domain';

/** Small builders for the FHIR shapes every module uses, so each reads as the clinical fact it records. */
export type Ref = { reference: string; display?: string };

export const ref = (type: ResourceType, id: string, display?: string): Ref =>
  display === undefined ? { reference: `${type}/${id}` } : { reference: `${type}/${id}`, display };

export const coding = (system: string, code: string, display?: string) =>
  display === undefined ? { system, code } : { system, code, display };

export const concept = (system: string, code: string, display?: string, text?: string) =>
  text === undefined ? { coding: [coding(system, code, display)] } : { coding: [coding(system, code, display)], text };

export const textConcept = (text: string) => ({ text });
