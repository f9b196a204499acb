import { extension } from '../fhir/systems.ts';

type R = Record<string, any>;

/** Text as base64 of its UTF-8 bytes (FHIR Attachment.data), in the browser and in Node alike. */
function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * The DocumentReference that puts a summary sent to a GP on the person's record (docs/fhir.md,
 * "DocumentReference"): current, typed, dated, authored and kept as the Composition says, about
 * the Patient, the practice it went to in the extension gp-document-recipient, and the document
 * Bundle itself inline as its content (application/fhir+json), so that the FHIR read, search and
 * bulk export serve it from the person's records as they are, with nothing to fetch from elsewhere.
 * Its id is the document's.
 */
export function gpDocumentReference(bundle: R, sent: { practice: { id: string; name?: string }; episodeId: string | undefined }): R {
  const composition = bundle.entry?.[0]?.resource as R;
  const practice = sent.practice;
  return {
    resourceType: 'DocumentReference',
    id: bundle.id,
    extension: [{ url: extension.gpDocumentRecipient, valueReference: { reference: `Organization/${practice.id}`, ...(practice.name ? { display: practice.name } : {}) } }],
    masterIdentifier: bundle.identifier,
    status: 'current',
    docStatus: 'final',
    type: composition.type,
    subject: composition.subject,
    date: bundle.timestamp,
    author: composition.author,
    custodian: composition.custodian,
    description: composition.title,
    content: [{ attachment: { contentType: 'application/fhir+json', language: 'en-GB', data: base64Utf8(JSON.stringify(bundle)), title: composition.title, creation: bundle.timestamp } }],
    ...(sent.episodeId ? { context: { encounter: [{ reference: `EpisodeOfCare/${sent.episodeId}` }], ...(composition.event?.[0]?.period ? { period: composition.event[0].period } : {}) } } : {}),
  };
}
