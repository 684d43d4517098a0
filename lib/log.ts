// The server log: one JSON object per line, so a client's text can never start a line of its own (JSON
// escapes newlines and control characters) and no field outgrows MAX_STRING (a 1 MB key is cut, not kept).
// Fields are data; `event` names what happened, e.g. `fulfilment.paid` or `request.refused`.

const MAX_STRING = 300;

type Level = 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

const truncate = (text: string) =>
  text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}…(${text.length} chars)` : text;

/** A copy safe to print: strings cut, errors reduced to name, message and code, depth bounded. */
function clean(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return truncate(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= 4) return '[…]';
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return {
      name: value.name,
      message: truncate(value.message),
      ...(code !== undefined && { code: clean(code, depth + 1) }),
    };
  }
  if (Array.isArray(value)) return value.slice(0, 20).map((item) => clean(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value)
      .slice(0, 30)
      .map(([key, item]) => [truncate(key), clean(item, depth + 1)]),
  );
}

export function formatLogLine(level: Level, event: string, fields: LogFields = {}): string {
  return JSON.stringify({ level, time: new Date().toISOString(), event, ...(clean(fields) as LogFields) });
}

const write = (level: Level) => (event: string, fields?: LogFields) => {
  const line = formatLogLine(level, event, fields);
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.info(line);
};

export const log = { info: write('info'), warn: write('warn'), error: write('error') };
