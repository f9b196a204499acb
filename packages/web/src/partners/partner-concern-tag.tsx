/**
 * The red mark on a caseload row for concerns from partner agencies nobody has acknowledged yet
 * (docs/partners-and-sharing.md): the same words on My caseload, the team caseload and the MDT board.
 */
export function PartnerConcernTag({ count }: { count: number | undefined }) {
  if (!count) return null;
  return <strong className="nhsuk-tag nhsuk-tag--red app-block">{count === 1 ? 'Concern from a partner agency' : `${count} concerns from partner agencies`} to act on</strong>;
}
