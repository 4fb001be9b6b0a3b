export { formatAddress } from './address.js';
export { type Analysis, type AnalyzeOptions, analyze, type RoutingMessage } from './analyze.js';
export {
  BGP_HEADER_LENGTH,
  BGP_MARKER_LENGTH,
  BGP_MAX_EXTENDED_MESSAGE_LENGTH,
  BGP_MAX_MESSAGE_LENGTH,
  type BgpFramerOptions,
  bgpFramer,
  findBgpMarker,
} from './bgp-framer.js';
export {
  type CaptureFormat,
  detectFormat,
  type Inflate,
  type OpenCaptureOptions,
  openCapture,
  type ReadCaptureOptions,
  readCapture,
} from './capture.js';
export {
  type Dissection,
  Dissector,
  type DissectorOptions,
  dissect,
  type IpHeader,
  IpProtocol,
  MAX_TUNNEL_DEPTH,
} from './dissect.js';
export { CAPTURE_ERROR_CODES, type CaptureError, type CaptureErrorCode } from './errors.js';
export {
  type Endpoint,
  type Flow,
  type FlowRef,
  FlowTable,
  flowLabel,
  flowName,
} from './flows.js';
export {
  type FragmentOptions,
  FragmentReassembler,
  MAX_DATAGRAM,
  type Reassembled,
} from './fragments.js';
export type { Capture, CaptureInterface, Frame } from './frame.js';
export { type GreHeader, readGre } from './gre.js';
export { type Ipv4Header, readIpv4 } from './ipv4.js';
export {
  type ExtensionWalk,
  Ipv6Extension,
  type Ipv6ExtensionHeader,
  type Ipv6Fragment,
  type Ipv6Header,
  MAX_EXTENSION_HEADERS,
  readIpv6,
  walkExtensions,
} from './ipv6.js';
export { EtherType, MAX_MPLS_LABELS, MAX_VLAN_TAGS } from './link/ethertype.js';
export { type LinkLayer, readLinkLayer } from './link/index.js';
export { isSupportedLinkType, type KnownLinkType, LinkType, linkTypeName } from './linktypes.js';
export { MAX_PCAP_RECORD, PCAP_HEADER_LENGTH, PcapMagic } from './pcap.js';
export { BlockType, BYTE_ORDER_MAGIC, MAX_PCAPNG_BLOCK } from './pcapng.js';
export { identifyProtocol, RoutingPort, type RoutingProtocol } from './protocols.js';
export {
  cutMessages,
  type Framer,
  type FramerResult,
  type Resync,
  type StreamIssue,
  type StreamMessage,
  type StreamPiece,
  type StreamRun,
  TcpReassembler,
  type TcpStream,
} from './reassembly.js';
export {
  readTcp,
  readTcpOptions,
  TcpFlag,
  type TcpOption,
  TcpOptionKind,
  type TcpSegment,
} from './tcp.js';
export { readUdp, UDP_HEADER_LENGTH, type UdpDatagram } from './udp.js';
export {
  type PcapngInterface,
  type PcapngWriteOptions,
  type PcapWriteOptions,
  type WriteFrame,
  writePcap,
  writePcapng,
} from './writer.js';
