import type { EquityBreakdown } from '../equity/breakdown.ts';
import type { BoardTile } from './board-tiles.ts';

/** A tile's figure on one day: numerator over denominator. */
export interface BoardFigure {
  asOf: string;
  numerator: number;
  denominator: number;
  /** numerator / denominator; null when the denominator is zero. */
  rate: number | null;
}

export interface BoardTileFigures {
  tile: BoardTile;
  figure: BoardFigure;
  /** The figure at each of the last 12 month ends (the last point is the day itself), oldest first; null for tiles without a trend. */
  trend: BoardFigure[] | null;
  /** The figure by each characteristic (equity-rules.ts in the domain). */
  breakdowns: EquityBreakdown[];
  /** For the caseload tile: people held per team and per key worker, with names. */
  /** For the carers' concerns tile: the standard in hours, and the median hours to a first response of the concerns answered by the day (a figure for the service, never a judgement of a person). */
  responseTimes?: ResponseTimes;
  caseloads?: { teams: Array<{ teamId: string; team: string; people: number }>; keyWorkers: Array<{ practitionerId: string; name: string; teamId: string; team: string; people: number }> };
}

export interface ResponseTimes {
  standardHours: number;
  /** Concerns counted that had a response by the day, in time or late. */
  answered: number;
  /** Median hours from receipt to the first response among those answered, to one decimal place; null when none was answered. */
  medianHours: number | null;
}

/** The board dashboard and the board pack: one object, so the web view and the document cannot differ. */
export interface BoardDashboard {
  report: 'board';
  asOf: string;
  /** When the figures were worked out: from the records as they stood at this instant (ISO 8601). */
  dataAt: string;
  tiles: BoardTileFigures[];
}

