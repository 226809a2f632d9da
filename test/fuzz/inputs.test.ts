import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';

/**
 * Random and hostile bytes into every parser of user input, through the CLI as a user runs it: each
 * must end in exit 2 with one message naming the file, never a stack trace, an internal error or a
 * hang. The bytes come from a seeded generator, so a failure reproduces.
 */

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomBytes(random: () => number, length: number): Buffer {
  return Buffer.from(Array.from({ length }, () => Math.floor(random() * 256)));
}

/** Inputs that broke parsers elsewhere: NULs, invalid UTF-8, BOMs, deep nesting, alias bombs, huge lines. */
const HOSTILE: Record<string, Buffer> = {
  nul: Buffer.from('\u0000\u0000\u0000key: value\u0000'),
  invalidUtf8: Buffer.from([0xff, 0xfe, 0xfd, 0x80, 0x81, 0xc3, 0x28, 0x0a, 0xe2, 0x28, 0xa1]),
  utf16Bom: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('o\u0000r\u0000g\u0000', 'latin1')]),
  deepNesting: Buffer.from(`${'['.repeat(20_000)}${']'.repeat(20_000)}`),
  deepMapping: Buffer.from(`${'{a: '.repeat(5_000)}1${'}'.repeat(5_000)}`),
  aliasBomb: Buffer.from(
    [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...'bcdefghij'
        .split('')
        .map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghij'[i]}`).join(',')}]`),
    ].join('\n'),
  ),
  hugeLine: Buffer.from('a'.repeat(1_000_000)),
  unbalancedQuotes: Buffer.from('"email,"name\n"a@b.example,"x\n'),
  rightToLeft: Buffer.from('\u202e\u0000\ud800'),
  controlChars: Buffer.from(Array.from({ length: 64 }, (_, i) => i % 32)),
};

interface Parser {
  name: string;
  /** Writes `bytes` where the parser reads them; returns the CLI arguments and the file to be named. */
  setup(dir: string, bytes: Buffer): { args: string[]; file: string };
}

const scanOf = (dir: string, ...extra: string[]) => ['scan', '--quiet', '--out', join(dir, 'out'), ...extra];
const config = (dir: string, yaml: string) => {
  writeFileSync(join(dir, 'soc2.config.yaml'), `organization: Fuzz Co\n${yaml}`);
  return ['-c', join(dir, 'soc2.config.yaml')];
};

const PARSERS: Parser[] = [
  {
    name: 'config',
    setup: (dir, bytes) => {
      writeFileSync(join(dir, 'soc2.config.yaml'), bytes);
      return { args: scanOf(dir, '-c', join(dir, 'soc2.config.yaml')), file: 'soc2.config.yaml' };
    },
  },
  {
    name: 'catalog',
    setup: (dir, bytes) => {
      mkdirSync(join(dir, 'catalog'));
      writeFileSync(join(dir, 'catalog', 'mine.yaml'), bytes);
      return { args: ['catalog', 'validate', '--catalog', join(dir, 'catalog')], file: 'mine.yaml' };
    },
  },
  {
    name: 'roster CSV',
    setup: (dir, bytes) => {
      writeFileSync(join(dir, 'roster.csv'), bytes);
      return {
        args: [
          ...scanOf(dir, '--check', 'hr.background-check'),
          ...config(dir, 'providers:\n  hr: { roster: ./roster.csv }\n'),
        ],
        file: 'roster.csv',
      };
    },
  },
  {
    name: 'roster JSON',
    setup: (dir, bytes) => {
      writeFileSync(join(dir, 'roster.json'), bytes);
      return {
        args: [
          ...scanOf(dir, '--check', 'hr.background-check'),
          ...config(dir, 'providers:\n  hr: { roster: ./roster.json }\n'),
        ],
        file: 'roster.json',
      };
    },
  },
  {
    name: 'evidence index',
    setup: (dir, bytes) => {
      mkdirSync(join(dir, 'evidence'));
      writeFileSync(join(dir, 'evidence', 'index.yaml'), bytes);
      return {
        args: [...scanOf(dir, '--check', 'docs.evidence-fresh'), ...config(dir, 'evidence: ./evidence\n')],
        file: 'index.yaml',
      };
    },
  },
  {
    name: 'risk register',
    setup: (dir, bytes) => {
      writeFileSync(join(dir, 'risks.yaml'), bytes);
      return {
        args: [...scanOf(dir, '--check', 'docs.risk-register'), ...config(dir, 'risks: ./risks.yaml\n')],
        file: 'risks.yaml',
      };
    },
  },
  {
    name: 'vendor register',
    setup: (dir, bytes) => {
      writeFileSync(join(dir, 'vendors.yaml'), bytes);
      return {
        args: [
          ...scanOf(dir, '--check', 'docs.vendor-register'),
          ...config(dir, 'vendors: ./vendors.yaml\n'),
        ],
        file: 'vendors.yaml',
      };
    },
  },
  {
    name: 'policy front matter',
    setup: (dir, bytes) => {
      mkdirSync(join(dir, 'policies'));
      writeFileSync(
        join(dir, 'policies', 'access-control.md'),
        Buffer.concat([Buffer.from('---\n'), bytes, Buffer.from('\n---\n# Policy\n')]),
      );
      return {
        args: [...scanOf(dir, '--check', 'docs.policies'), ...config(dir, 'policies: ./policies\n')],
        file: 'access-control.md',
      };
    },
  },
  {
    name: 'snapshot',
    setup: (dir, bytes) => {
      writeFileSync(join(dir, 'snap.json'), bytes);
      return { args: scanOf(dir, '--from-snapshot', join(dir, 'snap.json')), file: 'snap.json' };
    },
  },
  {
    name: 'bundle to verify',
    setup: (dir, bytes) => {
      writeFileSync(join(dir, 'bundle.zip'), bytes);
      return { args: ['verify', join(dir, 'bundle.zip')], file: 'bundle.zip' };
    },
  },
];

let dir: string;
let stderr: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'soc2-fuzz-'));
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const cases = (seed: number): [string, Buffer][] => {
  const random = prng(seed);
  return [
    ...Array.from({ length: 4 }, (_, i): [string, Buffer] => [
      `random #${i}`,
      randomBytes(random, 16 + Math.floor(random() * 2048)),
    ]),
    ...Object.entries(HOSTILE),
  ];
};

describe.each(PARSERS)('$name: random and hostile bytes', (parser) => {
  it.each(cases(parser.name.length * 7919))(
    '%s is bad input: exit 2, the file named, no stack trace',
    async (_label, bytes) => {
      const { args, file } = parser.setup(dir, bytes);
      const code = await main(['node', 'soc2', ...args]);
      expect(stderr, stderr).not.toMatch(/\n\s+at .+:\d+:\d+|internal error/);
      expect(code, stderr).toBe(2);
      expect(stderr).toMatch(/^soc2( verify)?: /);
      expect(stderr).toContain(file);
    },
  );
});
