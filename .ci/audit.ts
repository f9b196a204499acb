import { spawnSync } from 'node:child_process';
import { auditVerdict } from './audit-verdict.ts';

// CI's advisory check (issue 10): npm audit over the whole locked tree, failing on high or critical.
const audit = spawnSync('npm', ['audit', '--json'], { encoding: 'utf8', timeout: 120_000 });
const verdict = auditVerdict(audit.stdout ?? '', { required: process.env.CONTINUITY_AUDIT_REQUIRED === '1' });
console.log(verdict.message);
process.exit(verdict.pass ? 0 : 1);
