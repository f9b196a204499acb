import { londonToday } from '@continuity/domain';
import { loadNames, recordAudit, teamCaseload, type TeamCaseload } from '@continuity/store';
import { Command, InvalidArgumentError } from 'commander';
import { openStoreFrom, withStoreOptions, type StoreFlags } from '../store-options.ts';
import { parseDate } from './synth.ts';

function parseTeam(value: string): string {
  if (!/^[A-Za-z0-9\-.]{1,64}$/.test(value)) throw new InvalidArgumentError('must be a team id (an Organization id)');
  return value;
}

/** One line per key worker, then anyone held with no key worker: what a manager reads at a glance. */
export function describeCaseload(caseload: TeamCaseload, teamName: string): string {
  const people = (n: number) => (n === 1 ? '1 person' : `${n} people`);
  const lines = [`Caseload of ${teamName} as of ${caseload.asOf}: ${people(caseload.people)} held. Weighted size is workload, not risk.`];
  const nameOf = (id: string) => caseload.keyWorkers.find((k) => k.practitionerId === id)?.name ?? id;
  for (const k of caseload.keyWorkers) {
    const away = k.away ? `; away, covered by ${nameOf(k.away.coveringPractitionerId)} until ${k.away.to}` : '';
    const today = k.today.people !== k.allocated.people || k.away ? `; holding ${people(k.today.people)} today (weighted ${k.today.weighted})` : '';
    lines.push(`${k.name} (id ${k.practitionerId}): ${people(k.allocated.people)}, weighted ${k.allocated.weighted}${today}${away}`);
  }
  lines.push(caseload.unallocated.length ? `No key worker: ${caseload.unallocated.map((u) => `${u.personId} (episode ${u.episodeId})`).join(', ')}` : 'Everyone held has a key worker.');
  return lines.join('\n');
}

export function caseloadCommand(): Command {
  return withStoreOptions(
    new Command('caseload')
      .description("A team's caseload as of a date: each key worker's people and weighted size (after cover), and anyone held with no key worker.")
      .requiredOption('--team <id>', 'the team (Organization id)', parseTeam)
      .option('--as-of <date>', 'the day, YYYY-MM-DD (default today in England)', parseDate)
      .option('--json', 'print the caseload as JSON'),
  ).action(async (flags: StoreFlags & { asOf?: string; team: string; json?: boolean }) => {
    const store = await openStoreFrom(flags);
    try {
      const team = await store.db.selectFrom('shared_record').select('id').where('resource_type', '=', 'Organization').where('id', '=', flags.team).executeTakeFirst();
      if (!team) throw new Error(`there is no team with id "${flags.team}"`);
      const caseload = await teamCaseload(store.db, flags.team, { asOf: flags.asOf ?? londonToday() });
      // People named (those with no key worker) are a read of their records: audited, as the command line.
      await recordAudit(
        store.db,
        caseload.unallocated.map((u) => ({ actorId: 'cli:caseload', actorRole: 'system', action: 'worklist', personId: u.personId, basis: 'system' as const, outcome: 'allowed' as const, detail: { worklist: 'team-caseload', asOf: caseload.asOf, team: flags.team } })),
      );
      const names = await loadNames(store.db, [`Organization/${flags.team}`]);
      console.log(flags.json ? JSON.stringify(caseload) : describeCaseload(caseload, names.get(`Organization/${flags.team}`) ?? flags.team));
    } finally {
      await store.close();
    }
  });
}
