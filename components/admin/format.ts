// Dates in the back office: the same on every server and for every reader, in UTC, minutes only.
export function formatDateTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Order state as the owner reads it. */
export const ORDER_STATUS_LABEL: Record<string, string> = {
  paid: 'Paid',
  partially_refunded: 'Partially refunded',
  refunded: 'Refunded',
};
