/**
 * UTF-8 of byte fields (FQDN capability, shutdown communication): wire's codec under this
 * package's names. Malformed sequences become U+FFFD; lone surrogates encode as U+FFFD.
 */
export { utf8Decode as utf8Text, utf8Encode as utf8Bytes } from '@routekit/wire';
