/** The message shown on the next page after a back-office form: one short-lived cookie. */
export const FLASH_COOKIE = 'admin_flash';
export type Flash = { kind: 'ok' | 'error'; text: string };
