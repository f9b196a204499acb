import { Radios } from 'nhsuk-react-components';
import { errorFor, type FormError } from '../forms/form-errors.tsx';
import type { InstrumentRules, ItemRule } from '../../../domain/src/outcomes/outcome-rules.ts';

/** What the questions need: the items' wording and the answers offered (the person's link has no more). */
export type AskedMeasure = Pick<InstrumentRules, 'answers' | 'notKnown'> & { items: ReadonlyArray<Pick<ItemRule, 'linkId' | 'wording'>> };

/** The input id of an item's first answer, which an error links to. */
export const answerId = (linkId: string) => `answer-${linkId}`;

/** One group of radio buttons per item, in the instrument's order, each answer in words with its number. */
export function MeasureQuestions({ rules, answers, errors, onAnswer }: { rules: AskedMeasure; answers: Record<string, string>; errors: FormError[]; onAnswer: (linkId: string, value: string) => void }) {
  const choices = [...rules.answers, ...(rules.notKnown ? [rules.notKnown] : [])];
  return (
    <>
      {rules.items.map((item, index) => (
        <Radios
          key={item.linkId}
          name={answerId(item.linkId)}
          legend={`${index + 1}. ${item.wording}`}
          legendProps={{ size: 's' }}
          error={errorFor(errors, answerId(item.linkId))}
        >
          {choices.map((choice, i) => (
            <Radios.Item
              key={choice.value}
              id={i === 0 ? answerId(item.linkId) : `${answerId(item.linkId)}-${choice.value}`}
              value={String(choice.value)}
              checked={answers[item.linkId] === String(choice.value)}
              onChange={(e) => onAnswer(item.linkId, e.currentTarget.value)}
            >
              {`${choice.value}: ${choice.label}`}
            </Radios.Item>
          ))}
        </Radios>
      ))}
    </>
  );
}

/** The problems of a form that leaves items unanswered, each linked to its item. */
export function unansweredItems(rules: AskedMeasure, answers: Record<string, string>): FormError[] {
  return rules.items.filter((item) => !answers[item.linkId]).map((item) => ({ fieldId: answerId(item.linkId), message: `Answer question ${rules.items.indexOf(item) + 1}: ${item.wording}` }));
}
