/** CS/care-intensity codes in the words teams use. */
const LABELS: Record<string, string> = { standard: 'Core community care', intensive: 'Intensive community care', assertive: 'Assertive community care' };

export function careIntensityLabel(code: string | null | undefined): string {
  return code ? (LABELS[code] ?? code) : 'Not recorded';
}
