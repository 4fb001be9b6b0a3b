import {
  addressOrThrow,
  comparePrefix,
  containsAddress,
  describeAddressError,
  formatAddress,
  formatPrefix,
  parsePrefix,
  prefixOrThrow,
  prefixToBytes,
  specialPurpose,
  subnets,
} from '@routekit/prefix';

// The prefixes an anycast node announces, written any way RFC 4291 allows.
const announced = ['2001:DB8:0:0::/48', '198.51.100.0/24', '2001:db8:1::/48', '192.0.2.0/24'].map(
  (text) => prefixOrThrow(text),
);
announced.sort(comparePrefix); // IPv4 first, then by address, then shorter first
console.log(announced.map(formatPrefix).join(' '));

// Which announcement covers a client? Integer compares, no strings.
const client = addressOrThrow('2001:0db8:0001::0053');
const covering = announced.find((p) => containsAddress(p, client));
console.log(`${formatAddress(client)} is inside ${covering ? formatPrefix(covering) : 'nothing'}`);

// Bad text is a value naming the input, not an exception.
const typo = parsePrefix('192.0.2.1/24');
if (!typo.ok) console.log(`${typo.error.code}: ${describeAddressError(typo.error)}`);
const lenient = parsePrefix('192.0.2.1/24', { hostBits: 'mask' });
if (lenient.ok) console.log(`masked: ${formatPrefix(lenient.value)}`);

// The BGP NLRI prefix field: ceil(length / 8) bytes.
const nlri = prefixToBytes(prefixOrThrow('198.51.100.0/22'));
console.log(`NLRI bytes: ${[...nlri].map((b) => b.toString(16).padStart(2, '0')).join(' ')}`);

// Split a block, and look addresses up in the IANA special-purpose registry.
console.log([...subnets(prefixOrThrow('203.0.113.0/24'), 26)].map(formatPrefix).join(' '));
for (const text of ['::ffff:192.0.2.1', '192.0.0.9', '100.64.1.1']) {
  console.log(`${text}: ${specialPurpose(addressOrThrow(text))?.name ?? 'ordinary'}`);
}
