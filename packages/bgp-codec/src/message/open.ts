import { fail, type Reader, type Writer } from '@routekit/wire';
import {
  type Capability,
  capabilityValueLength,
  readCapability,
  writeCapability,
} from '../capability/capability.js';
import { OptionalParameterType } from '../iana.js';

/*
 * RFC 4271 §4.2: OPEN message (after the 19-byte header).
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+
 *   |    Version    |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |     My Autonomous System      |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |           Hold Time           |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                         BGP Identifier                        |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   | Opt Parm Len  |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |             Optional Parameters (variable)                    |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * RFC 9072 §2: when Opt Parm Len is 255 and the next octet (Non-Ext OP Type) is 255, a
 * 2-octet Extended Opt. Parm. Length follows and every parameter has a 2-octet length.
 */

/** RFC 5492: a Capabilities optional parameter (type 2) holding one or more capabilities. */
export interface CapabilitiesParameter {
  readonly type: 2;
  readonly capabilities: readonly Capability[];
}
/** Any other optional parameter (e.g. deprecated authentication, type 1), kept raw. */
export interface UnknownParameter {
  readonly type: number;
  readonly value: Uint8Array;
}
export type OptionalParameter = CapabilitiesParameter | UnknownParameter;

export interface OpenMessage {
  readonly kind: 'open';
  readonly version: number;
  /** My Autonomous System (AS_TRANS 23456 when the real AS needs 4 octets). */
  readonly myAs: number;
  readonly holdTime: number;
  /** BGP Identifier as a uint32. */
  readonly bgpId: number;
  readonly parameters: readonly OptionalParameter[];
  /** RFC 9072 extended optional-parameters encoding used. */
  readonly extendedParameters: boolean;
}

/** Hard cap on capabilities in one OPEN (a 64 KiB OPEN holds at most ~32k empty ones). */
export const MAX_CAPABILITIES = 4096;

function isCapabilities(p: OptionalParameter): p is CapabilitiesParameter {
  return p.type === OptionalParameterType.Capabilities && 'capabilities' in p;
}

/** Read an OPEN body; the header has already been consumed. */
export function readOpen(r: Reader): OpenMessage {
  const versionAt = r.offset;
  const version = r.u8('open.version');
  if (version !== 4)
    fail('unsupported-version', versionAt, { length: 1, detail: `version ${version}` });
  const myAs = r.u16('open.my_as');
  const holdTime = r.u16('open.hold_time');
  const bgpIdAt = r.offset;
  const bgpId = r.u32('open.bgp_id');
  if (bgpId === 0) fail('bad-bgp-identifier', bgpIdAt, { length: 4, detail: 'BGP identifier 0' });
  let optLen = r.u8('open.opt_param_len');
  let extended = false;
  if (optLen === 255 && r.remaining > 0 && r.peekU8() === OptionalParameterType.ExtendedLength) {
    r.skip(1, 'open.non_ext_op_type');
    optLen = r.u16('open.ext_opt_param_len');
    extended = true;
  }
  if (optLen !== r.remaining) {
    fail('bad-optional-parameters', r.offset, {
      length: r.remaining,
      detail: `optional parameter length ${optLen}, ${r.remaining} bytes present`,
    });
  }
  const params = r.sub(optLen, 'open.optional_parameters');
  const parameters: OptionalParameter[] = [];
  let count = 0;
  while (params.remaining > 0) {
    const type = params.u8('param.type');
    const length = extended ? params.u16('param.length') : params.u8('param.length');
    if (type === OptionalParameterType.Capabilities) {
      const caps = params.sub(length, 'param.capabilities');
      const capabilities: Capability[] = [];
      while (caps.remaining > 0) {
        if (++count > MAX_CAPABILITIES)
          fail('limit-exceeded', caps.offset, { detail: 'too many capabilities' });
        capabilities.push(readCapability(caps));
      }
      parameters.push({ type: 2, capabilities });
    } else {
      parameters.push({ type, value: params.bytes(length, 'param.value') });
    }
  }
  return { kind: 'open', version, myAs, holdTime, bgpId, parameters, extendedParameters: extended };
}

function parameterValueLength(p: OptionalParameter): number {
  if (isCapabilities(p)) {
    let n = 0;
    for (const c of p.capabilities) n += 2 + capabilityValueLength(c);
    return n;
  }
  return (p as UnknownParameter).value.length;
}

/** Body length of an OPEN (without the header). */
export function openBodyLength(m: OpenMessage): number {
  const perParam = m.extendedParameters ? 3 : 2;
  let n = 0;
  for (const p of m.parameters) n += perParam + parameterValueLength(p);
  return 10 + (m.extendedParameters ? 3 : 0) + n;
}

/** Write an OPEN body. Throws `RangeError` when a length does not fit its field. */
export function writeOpen(w: Writer, m: OpenMessage): void {
  w.u8(m.version).u16(m.myAs).u16(m.holdTime).u32(m.bgpId);
  const optLen = openBodyLength(m) - 10 - (m.extendedParameters ? 3 : 0);
  if (m.extendedParameters) w.u8(255).u8(255).u16(optLen);
  else {
    if (optLen > 255)
      throw new RangeError(`optional parameters of ${optLen} bytes need RFC 9072 encoding`);
    w.u8(optLen);
  }
  for (const p of m.parameters) {
    const len = parameterValueLength(p);
    w.u8(p.type);
    if (m.extendedParameters) w.u16(len);
    else {
      if (len > 255)
        throw new RangeError(`optional parameter of ${len} bytes needs RFC 9072 encoding`);
      w.u8(len);
    }
    if (isCapabilities(p)) for (const c of p.capabilities) writeCapability(w, c);
    else w.bytes((p as UnknownParameter).value);
  }
}

/** All capabilities of an OPEN, in order, across its Capabilities parameters. */
export function openCapabilities(m: OpenMessage): Capability[] {
  const out: Capability[] = [];
  for (const p of m.parameters) if (isCapabilities(p)) out.push(...p.capabilities);
  return out;
}
