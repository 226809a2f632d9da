import { readFile } from 'node:fs/promises';
import { InputError } from '../../engine/errors.js';
import { validateSource } from '../../core/schema-validate.js';
import { parseYaml, type YamlSource } from '../../core/yaml-source.js';
import type { Rating, Risk, RiskRegister, Vendor, VendorRegister } from './data.js';
import { shippedSchema } from './schemas.js';
import { sha256 } from '../../core/sha256.js';

const RATING_WORDS: Record<string, Rating> = { 'very-low': 1, low: 2, medium: 3, high: 4, 'very-high': 5 };

function rating(value: unknown): Rating | undefined {
  if (typeof value === 'number') return value as Rating;
  if (typeof value === 'string') return RATING_WORDS[value];
  return undefined;
}

function parseRegister(text: string, file: string, schema: string): YamlSource {
  const source = parseYaml(text, file);
  if (source.value === null || source.value === undefined) {
    throw new InputError([{ file, line: 1, message: 'the register is empty' }]);
  }
  const problems = validateSource(source, shippedSchema(schema));
  if (problems.length > 0) throw new InputError(problems);
  return source;
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new InputError([{ file, message: `cannot read file (${(error as NodeJS.ErrnoException).code})` }]);
  }
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}

export function parseRiskRegister(text: string, file: string): RiskRegister {
  const source = parseRegister(text, file, 'risks.schema.json');
  const raw = source.value as Record<string, unknown> & { risks: Record<string, unknown>[] };
  const risks = raw.risks.map((r, i): Risk =>
    compact({
      id: String(r.id),
      title: String(r.title),
      description: r.description as string | undefined,
      category: r.category as string | undefined,
      owner: (r.owner as string | null | undefined)?.trim() || undefined,
      likelihood: rating(r.likelihood),
      impact: rating(r.impact),
      treatment: (r.treatment as Risk['treatment'] | null) ?? undefined,
      treatmentPlan: r.treatment_plan as string | undefined,
      status: r.status as Risk['status'],
      controls: r.controls as string[] | undefined,
      line: source.locate(`/risks/${i}`)?.line ?? 1,
    }),
  );
  const duplicate = risks.find((r, i) => risks.findIndex((o) => o.id === r.id) !== i);
  if (duplicate) {
    throw new InputError([{ file, line: duplicate.line, message: `duplicate risk id '${duplicate.id}'` }]);
  }
  return compact({
    file,
    exists: true,
    sha256: sha256(text),
    owner: raw.owner as string | undefined,
    reviewedAt: raw.reviewed_at as string | undefined,
    approvedBy: raw.approved_by as string | undefined,
    risks,
  });
}

export function parseVendorRegister(text: string, file: string): VendorRegister {
  const source = parseRegister(text, file, 'vendors.schema.json');
  const raw = source.value as Record<string, unknown> & { vendors: Record<string, unknown>[] };
  const vendors = raw.vendors.map((v, i): Vendor => {
    const report = v.soc2_report as Record<string, string> | undefined;
    return compact({
      name: String(v.name),
      service: v.service as string | undefined,
      criticality: v.criticality as Vendor['criticality'],
      dataAccess: v.data_access as string[] | undefined,
      owner: v.owner as string | undefined,
      soc2: report
        ? compact({
            type: report.type as 'type1' | 'type2' | undefined,
            periodEnd: report.period_end,
            receivedAt: report.received_at,
            exceptions: report.exceptions,
          })
        : undefined,
      lastReviewedAt: v.last_reviewed_at as string | undefined,
      line: source.locate(`/vendors/${i}`)?.line ?? 1,
    });
  });
  return compact({
    file,
    exists: true,
    sha256: sha256(text),
    owner: raw.owner as string | undefined,
    reviewedAt: raw.reviewed_at as string | undefined,
    vendors,
  });
}

export async function readRiskRegister(file: string): Promise<RiskRegister> {
  const text = await readText(file);
  return text === undefined ? { file, exists: false, risks: [] } : parseRiskRegister(text, file);
}

export async function readVendorRegister(file: string): Promise<VendorRegister> {
  const text = await readText(file);
  return text === undefined ? { file, exists: false, vendors: [] } : parseVendorRegister(text, file);
}
