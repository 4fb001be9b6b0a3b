import { CAPTURE_HELP, captureCommand } from './commands/capture.js';
import { DECODE_HELP, decodeCommand } from './commands/decode.js';
import { MRT_HELP, mrtCommand } from './commands/mrt.js';
import { OSPF_HELP, ospfCommand } from './commands/ospf.js';
import { ExitCode, type ExitCodeValue, type Io, UsageError } from './io.js';
import { UnreadableError } from './load.js';

export const MAIN_HELP = `Usage: routekit <command> [options]

Commands:
  capture <file>          summarise a pcap/pcapng capture: frames and UDP/TCP flows
  decode <file | hex>     routing-protocol messages as JSON lines or a field tree
  mrt <file>              MRT routing dumps (RIB, updates; gzip/bzip2) as bgpdump -m
                          lines or JSON
  ospf spf <file> --router <id>
                          OSPF routes of a router, computed from the LSAs in a capture

Run \`routekit <command> --help\` for a command's options.

Exit codes: 0 ok, 1 usage, 2 unreadable input, 3 damaged input (mrt: a damaged
record was met; what could be read was printed).
`;

const COMMANDS: Readonly<
  Record<string, { run: (args: readonly string[], io: Io) => Promise<ExitCodeValue>; help: string }>
> = {
  capture: { run: captureCommand, help: CAPTURE_HELP },
  decode: { run: decodeCommand, help: DECODE_HELP },
  mrt: { run: mrtCommand, help: MRT_HELP },
  ospf: { run: ospfCommand, help: OSPF_HELP },
};

/**
 * Run the `routekit` command with `argv` (the arguments after the program name) and
 * return the exit code. Never throws: usage mistakes print a one-line error and the
 * help hint (exit 1); unreadable input prints a one-line error (exit 2); anything
 * else prints one line, never a stack trace.
 */
export async function main(argv: readonly string[], io: Io): Promise<ExitCodeValue> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    const command = topic === undefined ? undefined : COMMANDS[topic];
    if (name === undefined) {
      io.stderr(MAIN_HELP);
      return ExitCode.Usage;
    }
    io.stdout(command?.help ?? MAIN_HELP);
    return ExitCode.Ok;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) {
    io.stderr(`routekit: unknown command ${JSON.stringify(name)}\n${MAIN_HELP}`);
    return ExitCode.Usage;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      const who = e.command ?? name;
      io.stderr(`routekit ${who}: ${e.message}\nRun \`routekit ${who} --help\` for usage.\n`);
      return ExitCode.Usage;
    }
    if (e instanceof UnreadableError) {
      io.stderr(`routekit ${name}: ${e.message}\n`);
      return ExitCode.Unreadable;
    }
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    io.stderr(`routekit ${name}: internal error: ${message.split('\n')[0]}\n`);
    return ExitCode.Unreadable;
  }
}
