// Stripe's wire format for params: form-encoded with brackets, `a[b][0][c]=v`. Both directions live
// here: `parseForm` for the server, `encodeForm` for the local Stripe.js (so this module is browser-safe).
// We decode into a tree whose leaves are strings. Indices stay object keys (`line_items[0]` → key '0'):
// only the param spec knows whether `metadata[0]` is a list slot or a metadata key (validate turns
// index-keyed objects into arrays where the spec expects an array).
export type FormObject = { [key: string]: FormValue };
export type FormValue = string | FormObject;

type Node = FormObject;

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
  return root;
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

/** What a client encodes: nested objects and arrays; null and undefined are left out. */
export type ParamInput = string | number | boolean | null | undefined | ParamObject | ParamInput[];
export type ParamObject = { [key: string]: ParamInput };

export function encodeForm(params: ParamObject): string {
  const out = new URLSearchParams();
  const walk = (prefix: string, value: ParamInput) => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) value.forEach((item, index) => walk(`${prefix}[${index}]`, item));
    else if (typeof value === 'object')
      for (const [key, item] of Object.entries(value)) walk(`${prefix}[${key}]`, item);
    else out.append(prefix, String(value));
  };
  for (const [key, value] of Object.entries(params)) walk(key, value);
  return out.toString();
}
