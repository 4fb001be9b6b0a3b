import type { DecodeError } from '@routekit/wire';
import type { BgpMessage } from '../message/message.js';

/**
 * A BGP message carried in an MRT record: decoded, or kept as the bytes read when it did
 * not decode (or, for deprecated type 5 records, was not meant to be decoded) — the record
 * is still returned.
 */
export type EmbeddedMessage =
  | { readonly kind: 'decoded'; readonly message: BgpMessage }
  | {
      readonly kind: 'raw';
      /** The message bytes as written, a view of the input. */
      readonly bytes: Uint8Array;
      /** Why it did not decode (offsets count from the start of the record's input). */
      readonly error?: DecodeError;
    };
