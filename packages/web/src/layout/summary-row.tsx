import { SummaryList } from 'nhsuk-react-components';
import type { ReactNode } from 'react';

/** One key and its value in an NHS summary list. */
export function SummaryRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <SummaryList.Row>
      <SummaryList.Key>{label}</SummaryList.Key>
      <SummaryList.Value>{children}</SummaryList.Value>
    </SummaryList.Row>
  );
}
