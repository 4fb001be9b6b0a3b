/** Turning the caller's `Prefix | string` and `Address | string` into checked values. */
import { type Address, type Prefix, parseAddress, parsePrefix } from '@routekit/prefix';
import { checkPrefix4, checkPrefix6, checkUint32 } from './bits.js';
import { RibError } from './errors.js';

/** A canonical prefix from text or a prefix object; throws `invalid-prefix`. */
export function toPrefix(p: Prefix | string): Prefix {
  if (typeof p === 'string') {
    const r = parsePrefix(p);
    if (!r.ok)
      throw new RibError('invalid-prefix', `cannot parse prefix ${JSON.stringify(p)}`, {
        cause: r.error,
      });
    return r.value;
  }
  if (p === null || typeof p !== 'object')
    throw new RibError('invalid-prefix', `${String(p)} is not a prefix`);
  if (p.family === 4 && p.address?.family === 4) checkPrefix4(p.address.value, p.length);
  else if (p.family === 6 && p.address?.family === 6 && Array.isArray(p.address.words)) {
    const w = p.address.words;
    checkPrefix6(w[0], w[1], w[2], w[3], p.length);
  } else throw new RibError('invalid-prefix', 'prefix object has no valid family/address');
  return p;
}

/** A checked address from text or an address object; throws `invalid-address`. */
export function toAddress(a: Address | string): Address {
  if (typeof a === 'string') {
    const r = parseAddress(a);
    if (!r.ok)
      throw new RibError('invalid-address', `cannot parse address ${JSON.stringify(a)}`, {
        cause: r.error,
      });
    return r.value;
  }
  if (a === null || typeof a !== 'object')
    throw new RibError('invalid-address', `${String(a)} is not an address`);
  if (a.family === 4) checkUint32(a.value, 'IPv4 address');
  else if (a.family === 6 && Array.isArray(a.words) && a.words.length === 4) {
    for (const w of a.words) checkUint32(w, 'IPv6 address word');
  } else throw new RibError('invalid-address', 'address object has no valid family');
  return a;
}

/** Throws `wrong-family` when `family` is restricted and differs. */
export function checkFamily(want: 4 | 6 | undefined, got: 4 | 6, what: string): void {
  if (want !== undefined && want !== got) {
    throw new RibError('wrong-family', `IPv${got} ${what} given to an IPv${want}-only structure`);
  }
}
