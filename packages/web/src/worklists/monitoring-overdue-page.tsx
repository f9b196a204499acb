import { WorklistPage } from './worklist-page.tsx';

/**
 * The monitoring-overdue worklist: people on medicines whose blood tests, physical checks or reviews
 * are past their due day by the monitoring rules (docs/monitoring-overdue.md), each reason citing the
 * prescription and the last result; and people on the SMI register whose annual physical health check is
 * incomplete (docs/physical-health.md). For prescribers, key workers and team managers alike.
 */
export function MonitoringOverduePage() {
  return (
    <WorklistPage
      name="monitoring-overdue"
      title="Medicines monitoring overdue"
      heading="Blood tests, checks and reviews past their due day"
      order="Most reasons first, then longest overdue."
      intro={(whose) => (
        <>
          People held by {whose} whose current medicines need monitoring that is overdue: lithium levels
          (every 3 months in the first year, then every 6), renal and thyroid function on lithium (every 6 months), clozapine blood counts (weekly for 18
          weeks, every 2 weeks to a year, then every 4 weeks), antipsychotic physical checks (before starting, at 12 weeks, at a year, then yearly; prolactin at 6 months), the
          valproate Pregnancy Prevention Programme review for women and girls who could become pregnant, and the yearly medication review. A test on its
          due day is on time; the next day it is overdue. Each reason names the prescription and the last result. People with psychosis or bipolar
          disorder are also listed when their annual physical health check (BMI, blood pressure, glucose or HbA1c, lipids, smoking status, alcohol use) is
          not complete within 12 months, with whether they were invited and have not responded.
        </>
      )}
    />
  );
}
