export {
  BgpSessions,
  bgpMessageJson,
  decodeBgp,
  decodeBgpForCli,
} from './bgp.js';
export { CAPTURE_HELP, captureCommand, summary } from './commands/capture.js';
export { DECODE_HELP, decodeCommand, guessProtocol, parseHexArgument } from './commands/decode.js';
export { MRT_HELP, mrtCommand } from './commands/mrt.js';
export {
  formatSpfTable,
  OSPF_HELP,
  OSPF_SPF_HELP,
  type OspfPacketOf,
  ospfCommand,
  ospfPackets,
} from './commands/ospf.js';
export { BUILTIN_DECODERS, type BuiltinDecoder } from './decoders.js';
export { ExitCode, type ExitCodeValue, type Io, type OpenedFile, UsageError } from './io.js';
export { jsonLine, toPlain } from './json.js';
export {
  damageWarning,
  MAX_INFLATED_BYTES,
  openCaptureBytes,
  readInput,
  UnreadableError,
} from './load.js';
export { MAIN_HELP, main } from './main.js';
export {
  DECODE_PROTOCOLS,
  type DecodeContext,
  type DecodeProtocol,
  decoderFor,
  type MessageDecoder,
  registerDecoder,
  unregisterDecoder,
} from './registry.js';
export { fieldTree, hexDump } from './tree.js';
