import { extension } from '../fhir/systems.ts';

/** Hosts where plain http is allowed: a test double on the same machine, never a practice's system. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Why a GP practice's FHIR base for documents cannot be used, in words for the form; undefined
 * when it can. Summaries carry personal data, so they travel only over TLS (https); http is allowed
 * only to this machine, for testing. The base is the FHIR server's root: summaries are POSTed to
 * `{base}/Bundle` (docs/gp-documents.md), so it takes no query or fragment.
 */
export function documentEndpointProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be a full web address, starting https://';
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    return url.protocol === 'http:' ? 'must start https:// (http is allowed only to localhost, for testing)' : 'must start https://';
  }
  if (url.username || url.password) return 'must not hold a user name or password';
  if (url.search || url.hash) return 'must be the FHIR base address, without ? or #';
  return undefined;
}

/** The practice's FHIR base for documents, from its Organization (extension fhir-document-endpoint), without a trailing slash; undefined when it has none usable. */
export function documentEndpointOf(organization: Record<string, unknown> | undefined): string | undefined {
  const url = (organization?.extension as Array<{ url?: string; valueUrl?: unknown }> | undefined)?.find((x) => x.url === extension.fhirDocumentEndpoint)?.valueUrl;
  return typeof url === 'string' && documentEndpointProblem(url) === undefined ? url.replace(/\/+$/, '') : undefined;
}

/** The Organization with its endpoint set to `endpoint`, or cleared when null; every other element kept as it was. */
export function withDocumentEndpoint<T extends Record<string, unknown>>(organization: T, endpoint: string | null): T {
  const others = ((organization.extension as Array<{ url?: string }> | undefined) ?? []).filter((x) => x.url !== extension.fhirDocumentEndpoint);
  const extensions = endpoint === null ? others : [...others, { url: extension.fhirDocumentEndpoint, valueUrl: endpoint }];
  const { extension: _old, ...rest } = organization;
  return (extensions.length ? { ...rest, extension: extensions } : rest) as T;
}

/** A GP practice and where it receives summaries, as the endpoint screen lists it. */
export interface GpPractice {
  id: string;
  name: string;
  odsCode: string | null;
  /** The FHIR base summaries are POSTed to; null when the practice reads them in the app. */
  endpoint: string | null;
  /** The Organization's version, which a change must name. */
  version: number;
}
