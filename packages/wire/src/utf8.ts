/**
 * UTF-8 text of bytes. `TextDecoder` is not in the ES library the browser-safe packages
 * compile against, so this small decoder stands in. Never throws: a byte that does not
 * start a complete, shortest-form, non-surrogate sequence up to U+10FFFF becomes one
 * U+FFFD and decoding resumes at the next byte. NULs are kept.
 */
export function utf8Decode(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let n = 0;
    let cp = 0;
    let min = 0;
    if (b < 0x80) {
      out += String.fromCharCode(b);
      i += 1;
      continue;
    }
    if (b >= 0xc2 && b < 0xe0) [n, cp, min] = [1, b & 0x1f, 0x80];
    else if (b >= 0xe0 && b < 0xf0) [n, cp, min] = [2, b & 0x0f, 0x800];
    else if (b >= 0xf0 && b < 0xf5) [n, cp, min] = [3, b & 0x07, 0x10000];
    let ok = n > 0 && i + n < bytes.length;
    for (let k = 1; ok && k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (c & 0x3f);
    }
    if (ok && cp >= min && cp <= 0x10ffff && !(cp >= 0xd800 && cp < 0xe000)) {
      out += String.fromCodePoint(cp);
      i += n + 1;
    } else {
      out += '\ufffd';
      i += 1;
    }
  }
  return out;
}

/** UTF-8 bytes of a string (lone surrogates become U+FFFD). */
export function utf8Encode(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    let cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp < 0xe000) cp = 0xfffd;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000)
      out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else
      out.push(
        0xf0 | (cp >> 18),
        0x80 | ((cp >> 12) & 0x3f),
        0x80 | ((cp >> 6) & 0x3f),
        0x80 | (cp & 0x3f),
      );
  }
  return Uint8Array.from(out);
}
