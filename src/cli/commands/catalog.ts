import { catalogWarnings, type Catalog } from '../../core/catalog.js';
import { ExitCode } from '../../engine/errors.js';
import { loadSetup, loadSetupCatalog, type Setup } from '../setup.js';
import { controlTypeLabel } from '../../report/labels.js';

interface CatalogFlags {
  config?: string;
  catalog?: string;
  json?: boolean;
}

/** The catalog a scan with this config would use: built in, the plugins', `catalog:`, then --catalog. */
async function load(flags: CatalogFlags): Promise<{ setup: Setup; catalog: Catalog }> {
  const setup = await loadSetup(flags.config);
  return { setup, catalog: loadSetupCatalog(setup, [setup.config.catalog, flags.catalog]) };
}

export async function catalogListCommand(flags: CatalogFlags): Promise<number> {
  const { catalog } = await load(flags);
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(catalog.controls, null, 2)}\n`);
    return ExitCode.ok;
  }
  for (const c of catalog.controls) {
    process.stdout.write(
      `${c.id.padEnd(8)} ${c.title}\n         criteria: ${c.criteria.map((x) => (x.role === 'supports' ? `${x.id} (supports)` : x.id)).join(', ')} · checks: ${c.checks.length} · manual evidence: ${c.evidence.length} · owner: ${c.owner} · ${controlTypeLabel(c)}, ${c.frequency}\n`,
    );
  }
  process.stdout.write(`${catalog.controls.length} controls\n`);
  return ExitCode.ok;
}

export async function catalogValidateCommand(flags: CatalogFlags): Promise<number> {
  const { setup, catalog } = await load(flags);
  const { checks } = setup.registry;
  const warnings = catalogWarnings(catalog, checks);
  for (const w of warnings) process.stderr.write(`soc2: ${w}\n`);
  const covered = coverage(catalog).filter((c) => c.controls.length > 0).length;
  process.stdout.write(
    `${catalog.controls.length} controls in ${catalog.files.length} files; ${covered} of 61 criteria supported; ${checks.length} checks\n`,
  );
  return warnings.length > 0 ? ExitCode.badInput : ExitCode.ok;
}

export interface CoverageRow {
  id: string;
  category: string;
  title: string;
  controls: string[];
  checks: string[];
  manualEvidence: number;
}

function coverage(catalog: Catalog): CoverageRow[] {
  return catalog.criteria.map((criterion) => {
    const controls = catalog.controls.filter((c) => c.criteria.some((x) => x.id === criterion.id));
    return {
      id: criterion.id,
      category: criterion.category,
      title: criterion.title,
      controls: controls.map((c) => c.id),
      checks: [...new Set(controls.flatMap((c) => c.checks))].sort(),
      manualEvidence: controls.reduce((n, c) => n + c.evidence.length, 0),
    };
  });
}

export async function catalogCoverageCommand(flags: CatalogFlags): Promise<number> {
  const rows = coverage((await load(flags)).catalog);
  const supported = rows.filter((r) => r.controls.length > 0).length;
  const automated = rows.filter((r) => r.checks.length > 0).length;
  if (flags.json) {
    process.stdout.write(
      `${JSON.stringify({ criteria: rows, supported, automated, total: rows.length }, null, 2)}\n`,
    );
    return ExitCode.ok;
  }
  process.stdout.write(
    `${'Criterion'.padEnd(10)}${'Controls'.padEnd(34)}${'Checks'.padEnd(8)}Manual  Title\n`,
  );
  for (const r of rows) {
    process.stdout.write(
      `${r.id.padEnd(10)}${r.controls.join(',').slice(0, 32).padEnd(34)}${String(r.checks.length).padEnd(8)}${String(r.manualEvidence).padEnd(8)}${r.title}\n`,
    );
  }
  process.stdout.write(
    `\n${supported} of ${rows.length} criteria supported by a control; ${automated} with automated checks\n`,
  );
  return ExitCode.ok;
}
