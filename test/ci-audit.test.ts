import { describe, expect, it } from 'vitest';
import { auditVerdict } from '../.ci/audit-verdict.ts';

const report = (vulnerabilities: Record<string, { severity: string }>) => {
  const counts = { info: 0, low: 0, moderate: 0, high: 0, critical: 0 } as Record<string, number>;
  for (const v of Object.values(vulnerabilities)) counts[v.severity]! += 1;
  return JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata: { vulnerabilities: { ...counts, total: Object.keys(vulnerabilities).length } } });
};

describe("CI's npm audit check", () => {
  it('passes a report with no high or critical advisory, moderate ones included', () => {
    expect(auditVerdict(report({ 'some-lib': { severity: 'moderate' } }), { required: true })).toEqual({ checked: true, pass: true, message: 'npm audit: no high or critical advisories' });
  });

  it('fails on a high or critical advisory, naming the packages', () => {
    const verdict = auditVerdict(report({ 'b-lib': { severity: 'critical' }, 'a-lib': { severity: 'high' }, 'c-lib': { severity: 'low' } }), { required: false });
    expect(verdict).toEqual({ checked: true, pass: false, message: 'npm audit: 2 high or critical advisories: a-lib (high), b-lib (critical)' });
  });

  it('says the advisory service could not be asked rather than passing as clean, and fails when a check is required', () => {
    const refused = JSON.stringify({ message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', statusCode: 405 });
    const optional = auditVerdict(refused, { required: false });
    expect(optional.checked).toBe(false);
    expect(optional.pass).toBe(true);
    expect(optional.message).toMatch(/^npm audit could not be checked: 405 Method Not Allowed.*Not treated as clean/);
    expect(auditVerdict(refused, { required: true }).pass).toBe(false);
    expect(auditVerdict('not json', { required: true })).toMatchObject({ checked: false, pass: false });
  });
});
