// Stripe's wire format for params: form-encoded with brackets, `a[b][0][c]=v`.
// We decode into a tree whose leaves are strings; an object whose keys are all indices becomes an array,
// ordered by index, so `line_items[1]` before `line_items[0]` still lands in the right slot.
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

type Node = { [key: string]: Node | string };

export function parseForm(body: string): FormObject {
  const root: Node = {};
  if (!body) return {};
  for (const pair of body.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawKey = eq === -1 ? pair : pair.slice(0, eq);
    const rawValue = eq === -1 ? '' : pair.slice(eq + 1);
    const key = decode(rawKey);
    const value = decode(rawValue);
    insert(root, splitKey(key), value);
  }
  return toArrays(root) as FormObject;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** `a[b][0][c]` → ['a', 'b', '0', 'c']; `a[]` → ['a', ''] (append). */
function splitKey(key: string): string[] {
  const first = key.indexOf('[');
  if (first === -1) return [key];
  const parts = [key.slice(0, first)];
  const re = /\[([^\]]*)\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(key.slice(first))) !== null) parts.push(m[1] ?? '');
  return parts;
}

function insert(node: Node, path: string[], value: string): void {
  let cur = node;
  for (let i = 0; i < path.length; i++) {
    let part = path[i] ?? '';
    // `a[]=x`: append at the next free index so repeated `expand[]` keeps its order.
    if (part === '' && i > 0) part = String(Object.keys(cur).length);
    if (i === path.length - 1) {
      cur[part] = value;
      return;
    }
    const next = cur[part];
    if (typeof next === 'object') cur = next;
    else {
      const child: Node = {};
      cur[part] = child;
      cur = child;
    }
  }
}

function toArrays(node: Node | string): FormValue {
  if (typeof node === 'string') return node;
  const keys = Object.keys(node);
  if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k))) {
    return keys
      .map(Number)
      .sort((a, b) => a - b)
      .map((k) => toArrays(node[String(k)] as Node | string));
  }
  const out: FormObject = {};
  for (const k of keys) out[k] = toArrays(node[k] as Node | string);
  return out;
}
