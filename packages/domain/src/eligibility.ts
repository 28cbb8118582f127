import type { Locale } from './money.ts';

export type CommuneKind = 'xa' | 'phuong' | 'thi_tran';
export type EligibilityFlag = 'program135' | 'atk' | 'border' | 'island' | 'zoneIII';

export type CommuneFlags = {
  isProgram135: boolean;
  ethnicZone: 'I' | 'II' | 'III' | null;
  isAtk: boolean;
  isBorder: boolean;
  isIsland: boolean;
  kind: CommuneKind;
};

/**
 * Which communes a funding source may go to. Rules are data on the source row.
 * - `communeFlags`: the commune needs ANY of them (a P135 source funds xã 135 whatever else they are).
 * - `communeKinds`: the commune must be one of those kinds.
 * Both present: both must hold. Absent or empty lists restrict nothing.
 */
export type Eligibility = {
  communeFlags?: EligibilityFlag[];
  communeKinds?: CommuneKind[];
};

const FLAG_TESTS: Record<EligibilityFlag, (c: CommuneFlags) => boolean> = {
  program135: (c) => c.isProgram135,
  atk: (c) => c.isAtk,
  border: (c) => c.isBorder,
  island: (c) => c.isIsland,
  zoneIII: (c) => c.ethnicZone === 'III',
};

export function isSourceEligible(rule: Eligibility, commune: CommuneFlags): boolean {
  const flags = rule.communeFlags ?? [];
  const kinds = rule.communeKinds ?? [];
  const hasFlag = flags.length === 0 || flags.some((flag) => FLAG_TESTS[flag](commune));
  const hasKind = kinds.length === 0 || kinds.includes(commune.kind);
  return hasFlag && hasKind;
}

const FLAG_LABELS: Record<EligibilityFlag, Record<Locale, string>> = {
  program135: { vi: 'xã thuộc Chương trình 135', en: 'Program 135' },
  atk: { vi: 'xã an toàn khu (ATK)', en: 'safe-zone (ATK)' },
  border: { vi: 'xã biên giới', en: 'border' },
  island: { vi: 'xã đảo', en: 'island' },
  zoneIII: { vi: 'xã khu vực III', en: 'zone III' },
};

const KIND_LABELS: Record<CommuneKind, Record<Locale, string>> = {
  xa: { vi: 'xã', en: 'rural communes' },
  phuong: { vi: 'phường', en: 'wards' },
  thi_tran: { vi: 'thị trấn', en: 'townships' },
};

function joinWithOr(items: string[], locale: Locale): string {
  const or = locale === 'vi' ? ' hoặc ' : ' or ';
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')}${or}${items[items.length - 1]}`;
}

/** "chỉ xã thuộc Chương trình 135" — shown next to a source and inside SOURCE_NOT_ELIGIBLE messages. */
export function describeEligibility(rule: Eligibility, locale: Locale): string {
  const flags = [...new Set(rule.communeFlags ?? [])];
  const kinds = [...new Set(rule.communeKinds ?? [])];
  const flagText = joinWithOr(
    flags.map((flag) => FLAG_LABELS[flag][locale]),
    locale,
  );
  const kindText = joinWithOr(
    kinds.map((kind) => KIND_LABELS[kind][locale]),
    locale,
  );
  if (locale === 'vi') {
    if (flags.length === 0 && kinds.length === 0) return 'mọi xã, phường, thị trấn';
    if (kinds.length === 0) return `chỉ ${flagText}`;
    if (flags.length === 0) return `chỉ ${kindText}`;
    return `chỉ ${flagText} (và là ${kindText})`;
  }
  if (flags.length === 0 && kinds.length === 0) return 'all communes, wards and townships';
  if (kinds.length === 0) return `only ${flagText} communes`;
  if (flags.length === 0) return `only ${kindText}`;
  return `only ${flagText} communes (${kindText} only)`;
}

/**
 * Error params carry the rule as codes, not text, so the message can be rendered later in the
 * reader's language (see SOURCE_NOT_ELIGIBLE in errors.ts).
 */
export function toEligibilityParams(rule: Eligibility): Record<string, string> {
  const params: Record<string, string> = {};
  if (rule.communeFlags?.length) params['flags'] = rule.communeFlags.join(',');
  if (rule.communeKinds?.length) params['kinds'] = rule.communeKinds.join(',');
  return params;
}

const ELIGIBILITY_FLAGS: readonly string[] = Object.keys(FLAG_TESTS);
const COMMUNE_KINDS: readonly string[] = Object.keys(KIND_LABELS);

/** Inverse of toEligibilityParams; unknown codes are dropped rather than trusted. */
export function readEligibilityParams(params: Record<string, string | number>): Eligibility {
  const split = (value: string | number | undefined) =>
    value === undefined || value === '' ? [] : String(value).split(',');
  const rule: Eligibility = {};
  const flags = split(params['flags']).filter((f) => ELIGIBILITY_FLAGS.includes(f)) as EligibilityFlag[];
  const kinds = split(params['kinds']).filter((k) => COMMUNE_KINDS.includes(k)) as CommuneKind[];
  if (flags.length > 0) rule.communeFlags = flags;
  if (kinds.length > 0) rule.communeKinds = kinds;
  return rule;
}
