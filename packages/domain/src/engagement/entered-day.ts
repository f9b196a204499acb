const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isRealDay(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  return y! >= 1900 && date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
}

/**
 * What is wrong with a day a staff member typed for something that has already happened, or
 * undefined when it is sound: a YYYY-MM-DD that exists and is not after today in England.
 * `happened` finishes the refusal of a future day: "record a contact once it has happened".
 */
export function enteredDayProblem(value: string, today: string, happened: string): string | undefined {
  if (!DAY.test(value)) return 'must be a date as YYYY-MM-DD';
  if (!isRealDay(value)) return 'must be a real date';
  if (value > today) return `must not be in the future: ${happened} (today is ${today})`;
  return undefined;
}
