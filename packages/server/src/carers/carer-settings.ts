import { carerConcernRules, responseHoursFrom } from '@continuity/domain';

/**
 * The hours a response to a carer's concern is due within for this installation: the environment
 * variable CONTINUITY_CARER_RESPONSE_HOURS when set (a whole number of hours, checked at start-up),
 * else the figure in carer-concern-rules.ts. The one place the setting is read (docs/carers.md).
 */
export function carerResponseHoursSetting(env: Record<string, string | undefined> = process.env): number {
  return responseHoursFrom(env[carerConcernRules.responseHoursSetting]);
}
