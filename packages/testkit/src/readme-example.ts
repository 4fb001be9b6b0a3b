import { readFileSync } from 'node:fs';
import { afterEach, expect, test, vi } from 'vitest';

/** A package's README example: the file that the README shows, and what it prints. */
export interface ReadmeExample {
  /** The package README (`new URL('../README.md', import.meta.url)`). */
  readonly readme: URL;
  /** The example file the README shows verbatim (`examples/readme.ts`). */
  readonly example: URL;
  /** Runs the example: `() => import('../examples/readme.js')`. */
  readonly run: () => Promise<unknown>;
  /** The lines the example prints with `console.log`, as the README shows them. */
  readonly expected: readonly string[];
  /** Optional README section that holds both blocks (text between two headings). */
  readonly section?: { readonly from: string; readonly to: string };
  /** Extra clean-up after each test (e.g. unregister a decoder the example registered). */
  readonly cleanup?: () => void;
}

/**
 * Register the two tests every package runs on its README example: the example runs
 * and prints exactly `expected`, and the README shows the example file verbatim in a
 * `ts` block and its output in a `text` block — so the docs cannot drift from the code.
 */
export function readmeExampleTests(spec: ReadmeExample): void {
  afterEach(() => {
    vi.restoreAllMocks();
    spec.cleanup?.();
  });

  test('the README example runs and prints what the README shows', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      lines.push(args.map(String).join(' '));
    });
    await spec.run();
    expect(lines).toEqual(spec.expected);
  });

  test('the README shows the example file verbatim, and its output', () => {
    let readme = readFileSync(spec.readme, 'utf8');
    if (spec.section) {
      readme = readme.slice(readme.indexOf(spec.section.from), readme.indexOf(spec.section.to));
    }
    const example = readFileSync(spec.example, 'utf8');
    expect(readme).toContain(`\`\`\`ts\n${example.trimEnd()}\n\`\`\``);
    expect(readme).toContain(`\`\`\`text\n${spec.expected.join('\n')}\n\`\`\``);
  });
}
