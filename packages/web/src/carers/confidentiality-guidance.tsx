import { InsetText } from 'nhsuk-react-components';
import { confidentialityGuidance } from '../../../domain/src/carers/confidentiality-guidance.ts';
import { informationSharingLevels } from '../../../domain/src/carers/carer-codes.ts';
import type { PersonCarer } from './carer-types.ts';

/**
 * Beside a carer's concern: what the person agrees to share with this carer, and the limits of
 * confidentiality (the text lives in the domain, with its sources, so it is said the same everywhere).
 */
export function ConfidentialityGuidance({ carer }: { carer?: PersonCarer }) {
  return (
    <InsetText>
      <h2 className="nhsuk-heading-s">{confidentialityGuidance.heading}</h2>
      {carer ? (
        <p className="nhsuk-body">
          <strong>What {carer.name} may be told:</strong> {carer.sharing ? informationSharingLevels[carer.sharing] : 'the person’s wishes are not recorded: ask them, and share nothing about their care until you know'}.
        </p>
      ) : null}
      <ul className="nhsuk-list nhsuk-list--bullet">
        {confidentialityGuidance.points.map((point) => (
          <li key={point}>{point}</li>
        ))}
      </ul>
    </InsetText>
  );
}
