import { dischargeExtensionUrls } from '../discharge/discharge-fhir.ts';
import { extension, system } from '../fhir/systems.ts';

type R = Record<string, any>;

export interface AcceptedTransfer {
  /** The day the sending episode ends and the receiving one begins (YYYY-MM-DD, England). */
  day: string;
  /** Who accepted: the receiving team's manager, or the named person at the receiving service. */
  acceptedBy: string;
  /** When they accepted or confirmed (FHIR dateTime or date). */
  acceptedAt: string;
  /** In the system: the receiving team and the new episode's id. */
  receivingTeamId?: string;
  newEpisodeId?: string;
  /** The receiving team's key worker for the person (Practitioner id), when chosen. */
  keyWorkerId?: string | null;
  /** Out of area: the receiving service, in words. */
  receivingService?: string;
}

/**
 * The records an accepted transfer writes (docs/fhir.md, "Transfer of care"): the sending episode
 * `finished` with period.end, discharge reason `transferred` and the transfer-of-care extension
 * saying where the person went and who accepted; and, for a transfer in the system, a new `active`
 * episode at the receiving team with the same care intensity, pointing back at the one it continues.
 */
export function transferEpisodes(sending: R, transfer: AcceptedTransfer): { finished: R; opened?: R } {
  const parts: R[] = [];
  if (transfer.newEpisodeId) parts.push({ url: 'receivingEpisode', valueReference: { reference: `EpisodeOfCare/${transfer.newEpisodeId}` } });
  if (transfer.receivingTeamId) parts.push({ url: 'receivingTeam', valueReference: { reference: `Organization/${transfer.receivingTeamId}` } });
  if (transfer.receivingService) parts.push({ url: 'receivingService', valueString: transfer.receivingService });
  parts.push({ url: 'acceptedBy', valueString: transfer.acceptedBy }, { url: 'accepted', valueDateTime: transfer.acceptedAt });
  const kept = ((sending.extension ?? []) as R[]).filter((e) => !dischargeExtensionUrls.includes(e.url) && e.url !== extension.transferOfCare);
  const finished: R = {
    ...sending,
    status: 'finished',
    period: { ...(sending.period ?? {}), end: transfer.day },
    extension: [...kept, { url: extension.dischargeReason, valueCodeableConcept: { coding: [{ system: system.dischargeReason, code: 'transferred' }] } }, { url: extension.transferOfCare, extension: parts }],
  };
  if (!transfer.newEpisodeId || !transfer.receivingTeamId) return { finished };
  const opened: R = {
    resourceType: 'EpisodeOfCare',
    id: transfer.newEpisodeId,
    extension: [{ url: extension.transferredFrom, valueReference: { reference: `EpisodeOfCare/${sending.id}` } }],
    status: 'active',
    ...(sending.type ? { type: sending.type } : {}),
    patient: sending.patient,
    managingOrganization: { reference: `Organization/${transfer.receivingTeamId}` },
    period: { start: transfer.day },
    ...(transfer.keyWorkerId ? { careManager: { reference: `Practitioner/${transfer.keyWorkerId}` } } : {}),
  };
  return { finished, opened };
}

/**
 * Whether a finished episode ended in an accepted transfer of care: the person went on to another
 * team or service that accepted them, so it is not a discharge (the discharge audit passes it by).
 */
export function endedInAcceptedTransfer(episode: R): boolean {
  const ext = ((episode.extension ?? []) as R[]).find((e) => e.url === extension.transferOfCare);
  const parts = (ext?.extension ?? []) as R[];
  return parts.some((p) => p.url === 'accepted') && parts.some((p) => p.url === 'receivingEpisode' || p.url === 'receivingService');
}
