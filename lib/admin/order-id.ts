/** An order number as the back office's URLs and forms carry it (`12`), or null for anything else. */
export function parseOrderId(text: string | undefined): number | null {
  if (!text || !/^\d{1,9}$/.test(text)) return null;
  const id = Number(text);
  return id >= 1 ? id : null;
}

/** An email's id in the outbox's forms: the same shape. */
export const parseEmailId = parseOrderId;
