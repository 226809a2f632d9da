import { createHash } from 'node:crypto';
import { closeSync, existsSync, ftruncateSync, openSync, rmSync, writeSync } from 'node:fs';
import { inBatches, jsonLines } from '../core/json-chunks.js';
import { writeText } from '../core/write-text.js';
import { basename, dirname, join, resolve } from 'node:path';
import type { Config } from '../core/config-types.js';
import type { DataEntry } from '../core/snapshot.js';
import type { KeyProvenance, ResumedEntry } from '../engine/collect.js';
import { InputError } from '../engine/errors.js';
import type { ResumedData } from '../engine/scan.js';
import { TOOL_VERSION } from '../engine/version.js';
import { notCheckedScopes } from './scan-output.js';
import { blockOf, entryOf, fileLines, readRecords, type BlockHeader } from './snapshot-file.js';

/**
 * What a live scan has collected so far, for `--resume`: a JSON Lines file beside the output folder,
 * appended to as each key (or, for a segmented key, each account) is complete. Blocks are those of a
 * snapshot file (src/evidence/snapshot-file.ts) plus the records' SHA-256 and the provenance. A scan
 * that finishes deletes it; an interrupted or failed one leaves it for `soc2 scan --resume`, which
 * takes the blocks whose hash still matches, and only when the configuration is the same.
 */
export const RESUME_FORMAT = 'soc2-resume';

interface JournalHeader {
  format: typeof RESUME_FORMAT;
  version: 1;
  tool: string;
  fingerprint: string;
  startedAt: string;
}

interface JournalBlock extends BlockHeader {
  sha256: string;
  provenance: KeyProvenance;
}

/** `soc2-report` -> `.soc2-report.soc2-resume.jsonl` in the same folder. */
export function resumeFile(outDir: string): string {
  const target = resolve(outDir);
  return join(dirname(target), `.${basename(target)}.soc2-resume.jsonl`);
}

/** Environment variables that choose what a provider reads (which account, organization, tenant). */
const PROVIDER_ENV = /^(AWS_|GITHUB_|GH_|GOOGLE_|OKTA_|AZURE_|ENTRA_|SOC2_)/;

/**
 * What must be the same for collected data to be taken over: the tool version, the providers' config,
 * the scope and the provider environment (hashed, never stored: it holds credentials).
 */
export function scanFingerprint(config: Config, env: NodeJS.ProcessEnv): string {
  const providerEnv = Object.entries(env)
    .filter(([name]) => PROVIDER_ENV.test(name))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return createHash('sha256')
    .update(
      JSON.stringify({
        tool: TOOL_VERSION,
        organization: config.organization,
        providers: config.providers,
        scope: config.scope ?? null,
        period: config.period ?? null,
        env: providerEnv,
      }),
    )
    .digest('hex');
}

export class ResumeJournal {
  private constructor(
    readonly file: string,
    private fd: number | undefined,
  ) {}

  /** Starts a new journal, replacing one left by an earlier run. */
  static start(file: string, fingerprint: string, startedAt: string): ResumeJournal {
    const fd = openSync(file, 'w');
    const header: JournalHeader = {
      format: RESUME_FORMAT,
      version: 1,
      tool: TOOL_VERSION,
      fingerprint,
      startedAt,
    };
    writeSync(fd, `${JSON.stringify(header)}\n`);
    return new ResumeJournal(file, fd);
  }

  /**
   * Reads an interrupted run's journal and goes on appending to it. Refuses (exit 2) a journal of another
   * configuration; takes only blocks whose records still hash to what was recorded.
   */
  static resume(
    file: string,
    fingerprint: string,
  ): { journal: ResumeJournal; data: ResumedData; taken: number; startedAt: string } {
    if (!existsSync(file))
      throw new InputError([
        {
          file,
          message: 'nothing to resume: no interrupted scan left its progress here (run without --resume)',
        },
      ]);
    const { header, data, taken, end } = readJournal(file);
    if (header.fingerprint !== fingerprint)
      throw new InputError([
        {
          file,
          message:
            'the interrupted scan used another configuration (config file, provider settings, scope, credentials environment or soc2 version): its data is not mixed with this one; run without --resume to start over',
        },
      ]);
    const fd = openSync(file, 'r+');
    // A block cut short by the interruption is dropped: new blocks go after the last whole one.
    ftruncateSync(fd, end);
    const journal = new ResumeJournal(file, fd);
    journal.position = end;
    return { journal, data, taken, startedAt: header.startedAt };
  }

  private position: number | undefined;

  /** Records a complete key (or one segment of a segmented key); anything else is collected again. */
  add(key: string, segment: string | undefined, entry: DataEntry, provenance: KeyProvenance): void {
    if (this.fd === undefined || entry.status !== 'ok' || provenance.resumed || provenance.replayed) return;
    if (notCheckedScopes(entry.value).length > 0) return;
    const { header, records } = blockOf(key, segment, entry);
    // The header carries the records' hash, so they are serialized twice rather than held as one string.
    const hash = createHash('sha256');
    for (const line of jsonLines(records)) hash.update(line);
    const block: JournalBlock = { ...header, sha256: hash.digest('hex'), provenance };
    this.write(`${JSON.stringify(block)}\n`);
    for (const batch of inBatches(jsonLines(records))) this.write(batch);
  }

  private write(text: string): void {
    const wrote = writeText(this.fd!, text, this.position);
    if (this.position !== undefined) this.position += wrote;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  /** The scan finished: nothing to resume. */
  remove(): void {
    this.close();
    rmSync(this.file, { force: true });
  }
}

/** The journal's blocks that are whole and whose records hash as recorded; where the good part ends. */
function readJournal(file: string): { header: JournalHeader; data: ResumedData; taken: number; end: number } {
  const lines = fileLines(file);
  const first = lines.next();
  let header: JournalHeader | undefined;
  try {
    header = first.done ? undefined : (JSON.parse(first.value.text) as JournalHeader);
  } catch {
    header = undefined;
  }
  if (first.done || header?.format !== RESUME_FORMAT)
    throw new InputError([
      { file, line: 1, message: `not a soc2 resume file (expected "format": "${RESUME_FORMAT}")` },
    ]);
  const data: ResumedData = { entries: {}, segments: {} };
  let taken = 0;
  let end = first.value.end;
  let block:
    | {
        header: JournalBlock;
        line: number;
        offset: number;
        hash: ReturnType<typeof createHash>;
        seen: number;
        records: string[];
      }
    | undefined;
  const take = () => {
    if (!block || block.seen < block.header.records || block.hash.digest('hex') !== block.header.sha256)
      return false;
    const { header: h, line, offset } = block;
    const resumed = (records: readonly unknown[]): ResumedEntry => ({
      entry: entryOf(h, records),
      provenance: h.provenance,
    });
    if (h.segment === undefined)
      data.entries[h.key] = resumed(block.records.map((r) => JSON.parse(r) as unknown));
    else
      (data.segments[h.key] ??= {})[h.segment] = () =>
        resumed(readRecords(file, { offset, records: h.records, line }));
    taken++;
    return true;
  };
  for (const { text, line, end: next } of lines) {
    if (block && block.seen < block.header.records) {
      block.hash.update(`${text}\n`);
      block.seen++;
      if (block.header.segment === undefined) block.records.push(text);
      if (block.seen === block.header.records && take()) {
        end = next;
        block = undefined;
      }
      continue;
    }
    let parsed: JournalBlock | undefined;
    try {
      parsed = JSON.parse(text) as JournalBlock;
    } catch {
      break;
    }
    if (
      typeof parsed?.key !== 'string' ||
      typeof parsed.records !== 'number' ||
      typeof parsed.sha256 !== 'string'
    )
      break;
    block = { header: parsed, line, offset: next, hash: createHash('sha256'), seen: 0, records: [] };
    if (parsed.records === 0) {
      if (!take()) break;
      end = next;
      block = undefined;
    }
  }
  return { header, data, taken, end };
}
