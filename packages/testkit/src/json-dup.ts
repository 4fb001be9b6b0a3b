/**
 * A JSON parser that keeps duplicate object keys. `tshark -T json` writes one key per
 * field occurrence, so an object routinely holds the same key twice (`ip.addr`,
 * `tcp.port`, every `bgp.open.opt.param`); `JSON.parse` would keep only the last.
 */

/** A parsed JSON value; objects keep every entry in document order. */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

/** A JSON object as its ordered list of entries (keys may repeat). */
export interface JsonObject {
  readonly kind: 'object';
  readonly entries: readonly (readonly [string, JsonValue])[];
}

export function isJsonObject(v: JsonValue | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every value stored under `key` in `obj`, in order. */
export function getAll(obj: JsonObject, key: string): JsonValue[] {
  return obj.entries.filter(([k]) => k === key).map(([, v]) => v);
}

/** The first value under `key`, if any. */
export function getFirst(obj: JsonObject, key: string): JsonValue | undefined {
  return obj.entries.find(([k]) => k === key)?.[1];
}

class JsonSyntaxError extends SyntaxError {}

/** Parse JSON text, keeping duplicate keys. Throws a `SyntaxError` with the offset. */
export function parseJsonKeepDuplicates(text: string): JsonValue {
  let i = 0;
  const fail = (what: string): never => {
    throw new JsonSyntaxError(`JSON: ${what} at offset ${i}`);
  };
  const ws = (): void => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else return;
    }
  };
  const str = (): string => {
    const start = i;
    i++; // opening quote
    let escaped = false;
    for (;;) {
      if (i >= text.length) fail('unterminated string');
      const c = text.charCodeAt(i);
      if (c === 0x5c) {
        escaped = true;
        i += 2;
      } else if (c === 0x22) {
        i++;
        break;
      } else i++;
    }
    const slice = text.slice(start, i);
    return escaped ? (JSON.parse(slice) as string) : slice.slice(1, -1);
  };
  const value = (depth: number): JsonValue => {
    if (depth > 512) fail('nesting too deep');
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const entries: [string, JsonValue][] = [];
      ws();
      if (text[i] === '}') {
        i++;
        return { kind: 'object', entries };
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a key');
        const key = str();
        ws();
        if (text[i] !== ':') fail('expected ":"');
        i++;
        entries.push([key, value(depth + 1)]);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return { kind: 'object', entries };
        } else fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      i++;
      const items: JsonValue[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return items;
      }
      for (;;) {
        items.push(value(depth + 1));
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return items;
        } else fail('expected "," or "]"');
      }
    }
    if (c === '"') return str();
    const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      text.slice(i, i + 64),
    );
    if (!m) return fail('unexpected character');
    i += m[0].length;
    return m[0] === 'true'
      ? true
      : m[0] === 'false'
        ? false
        : m[0] === 'null'
          ? null
          : Number(m[0]);
  };
  const out = value(0);
  ws();
  if (i !== text.length) fail('trailing data');
  return out;
}
