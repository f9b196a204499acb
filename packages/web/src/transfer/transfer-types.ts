/** What the transfer endpoints return (packages/server/src/transfer/transfer-routes.ts). Types only. */
import type { HandoverPacket } from '@continuity/domain';
import type { TransferOfCare } from '@continuity/store';

export type { HandoverPacket, PacketSection } from '@continuity/domain';

type Named = { id: string; name: string };

export interface ShownTransfer extends TransferOfCare {
  sendingTeam: Named;
  receivingTeam: Named | null;
  requestedByName: string;
  decidedByName: string | null;
}

export interface TransferPreviewResponse {
  episode: string;
  sendingTeamId: string;
  packet: HandoverPacket;
  teams: Named[];
  pending: ShownTransfer | null;
}

export interface TransferResponse {
  transfer: ShownTransfer;
  person: { id: string; nhsNumber: string | null; name: string | null; birthDate: string | null };
  access: string;
  keyWorkers: Named[];
}

export type TransferSummary = Omit<ShownTransfer, 'packet'> & {
  person: { id: string; nhsNumber: string | null; name: string | null };
  missing: HandoverPacket['missing'];
};

export interface TeamTransfersResponse {
  teamId: string;
  incoming: TransferSummary[];
  outgoing: TransferSummary[];
}
