/** A list's page number as the back office's URLs carry it (`?page=3`): 1 for anything missing or odd. */
export function parseListPage(value: string | string[] | undefined): number {
  return Math.min(Math.max(1, Number.parseInt(typeof value === 'string' ? value : '1', 10) || 1), 100_000);
}
