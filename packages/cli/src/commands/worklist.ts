import { formatNhsNumber, londonToday, type Worklist } from '@continuity/domain';
import { carerConcernsWorklist, disengagedWorklist, intensiveReviewWorklist, loadNames, mhaDeadlinesWorklist, monitoringOverdueWorklist, recordAudit, sharedCareWorklist, waitingWorklist, type Store } from '@continuity/store';
import { carerResponseHoursSetting } from '@continuity/server/carer-settings';
import { Command, InvalidArgumentError } from 'commander';
import { openStoreFrom, withStoreOptions, type StoreFlags } from '../store-options.ts';
import { parseDate } from './synth.ts';

/** Worklists this command can produce, with the heading of each; the others in SPEC arrive with their capabilities. */
const WORKLISTS = ['disengaged', 'monitoring-overdue', 'mha-deadlines', 'shared-care', 'waiting', 'intensive-review', 'carer-concerns'] as const;
const HEADINGS: Record<(typeof WORKLISTS)[number], string> = {
  disengaged: 'Disengaged',
  'monitoring-overdue': 'Medicines monitoring overdue',
  'mha-deadlines': 'Mental Health Act deadlines',
  'shared-care': 'Shared care declined or unanswered',
  waiting: 'Waiting more than four weeks',
  'intensive-review': 'Intensive and assertive care review',
  'carer-concerns': 'Carers’ concerns awaiting a response',
};
const BUILDERS = { disengaged: disengagedWorklist, 'monitoring-overdue': monitoringOverdueWorklist, 'mha-deadlines': mhaDeadlinesWorklist, 'shared-care': sharedCareWorklist, waiting: waitingWorklist, 'intensive-review': intensiveReviewWorklist,
  // The hours a response is due within: the same setting the server reads (CONTINUITY_CARER_RESPONSE_HOURS).
  'carer-concerns': (db: Store['db'], options: { asOf: string; team?: string }) => carerConcernsWorklist(db, { ...options, responseHours: carerResponseHoursSetting() }),
} as const;

function parseTeam(value: string): string {
  if (!/^[A-Za-z0-9\-.]{1,64}$/.test(value)) throw new InvalidArgumentError('must be a team id (an Organization id)');
  return value;
}

/** What every worklist gives the command line: the contract and who each person is. */
type ListedWorklist = { list: Worklist; people: Map<string, { name: string | null; teamIds: string[] }> };

/** One line per person for people reading a terminal: who, which team, and every reason in words. */
export async function describeWorklist(store: Store, result: ListedWorklist, team?: string): Promise<string> {
  const { list, people } = result;
  const teamNames = await loadNames(store.db, [...new Set([...people.values()].flatMap((p) => p.teamIds))].map((id) => `Organization/${id}`));
  const teamName = (id: string) => teamNames.get(`Organization/${id}`) ?? id;
  const scope = team ? ` in ${teamName(team)}` : '';
  const count = list.items.length === 1 ? '1 person' : `${list.items.length} people`;
  const lines = [`${HEADINGS[list.worklist as keyof typeof HEADINGS] ?? list.worklist} as of ${list.asOf}${scope}: ${count}.`];
  for (const item of list.items) {
    const person = people.get(item.patient.id);
    const nhs = item.patient.nhsNumber ? `NHS ${formatNhsNumber(item.patient.nhsNumber)}` : 'no NHS number';
    const teams = !team && person?.teamIds.length ? `, ${person.teamIds.map(teamName).join(', ')}` : '';
    lines.push(`${person?.name ?? item.patient.id} (${nhs}, id ${item.patient.id}${teams}): ${item.reasons.map((r) => r.text).join(' ')}`);
  }
  return lines.join('\n');
}

/** Printing a list of people is a read of their records: audited like the API's, as the command line. */
async function auditListing(store: Store, result: ListedWorklist, team?: string): Promise<void> {
  const entries = result.list.items.map((item) => ({
    actorId: 'cli:worklist',
    actorRole: 'system',
    action: 'worklist',
    personId: item.patient.id,
    basis: 'system' as const,
    outcome: 'allowed' as const,
    detail: { worklist: result.list.worklist, asOf: result.list.asOf, team: team ?? null },
  }));
  await recordAudit(store.db, entries);
}

export function worklistCommand(): Command {
  return withStoreOptions(
    new Command('worklist')
      .description(`A worklist as of a date: each person on it with the reasons and the records that show them. Worklists: ${WORKLISTS.join(', ')}.`)
      .argument('<name>', `the worklist (${WORKLISTS.join(', ')})`)
      .option('--as-of <date>', 'the day the list is as of, YYYY-MM-DD (default today in England)', parseDate)
      .option('--team <id>', 'only people this team (Organization id) holds', parseTeam)
      .option('--json', 'print the worklist as JSON ({"worklist","asOf","items"})'),
  ).action(async (name: string, flags: StoreFlags & { asOf?: string; team?: string; json?: boolean }) => {
    if (!(WORKLISTS as readonly string[]).includes(name)) throw new Error(`there is no worklist called "${name}"; available: ${WORKLISTS.join(', ')}`);
    const store = await openStoreFrom(flags);
    try {
      if (flags.team) {
        const team = await store.db.selectFrom('shared_record').select('id').where('resource_type', '=', 'Organization').where('id', '=', flags.team).executeTakeFirst();
        if (!team) throw new Error(`there is no team with id "${flags.team}"`);
      }
      const result = await BUILDERS[name as keyof typeof BUILDERS](store.db, { asOf: flags.asOf ?? londonToday(), team: flags.team });
      await auditListing(store, result, flags.team);
      console.log(flags.json ? JSON.stringify(result.list) : await describeWorklist(store, result, flags.team));
    } finally {
      await store.close();
    }
  });
}
