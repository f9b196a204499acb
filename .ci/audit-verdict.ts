/**
 * What `npm audit --json` said, as CI acts on it: fail on any high or critical advisory; when the
 * advisory service could not be asked (no report came back), say so plainly rather than pass as clean.
 */
export interface AuditVerdict {
  /** Whether the advisory service answered with a report. */
  checked: boolean;
  /** Whether CI may go on: no high or critical advisory, or not checked and a check is not required. */
  pass: boolean;
  message: string;
}

type Severity = 'info' | 'low' | 'moderate' | 'high' | 'critical';
const blocking: readonly Severity[] = ['high', 'critical'];

interface AuditReport {
  vulnerabilities?: Record<string, { severity?: Severity }>;
  metadata?: { vulnerabilities?: Partial<Record<Severity, number>> };
  message?: string;
  error?: { summary?: string; code?: string };
}

export function auditVerdict(output: string, options: { required: boolean }): AuditVerdict {
  let report: AuditReport;
  try {
    report = JSON.parse(output) as AuditReport;
  } catch {
    report = {};
  }
  const counts = report.metadata?.vulnerabilities;
  if (!counts) {
    const reason = report.message ?? report.error?.summary ?? 'npm audit gave no report';
    return {
      checked: false,
      pass: !options.required,
      message: `npm audit could not be checked: ${reason}.${options.required ? ' A check is required (CONTINUITY_AUDIT_REQUIRED).' : ' Not treated as clean; run it where the npm advisory service is reachable.'}`,
    };
  }
  const found = Object.entries(report.vulnerabilities ?? {})
    .filter(([, v]) => v.severity !== undefined && blocking.includes(v.severity))
    .map(([name, v]) => `${name} (${v.severity})`)
    .sort();
  const total = blocking.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
  if (total > 0) return { checked: true, pass: false, message: `npm audit: ${total} high or critical advisories: ${found.join(', ') || 'see npm audit'}` };
  return { checked: true, pass: true, message: 'npm audit: no high or critical advisories' };
}
