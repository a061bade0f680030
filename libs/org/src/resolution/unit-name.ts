/**
 * Normalising unit names as documents write them. Documents drift: institutional reforms renamed bureaus
 * (环境保护局 → 生态环境局 in 2018/19, 国土资源局 → 自然资源局, 农业局 → 农业农村局 …), and short forms are common
 * (环保局, 县发改局). We map every name to a set of comparable keys; two names match when their keys meet.
 */

/** Each rule maps a department suffix (old name or short form) to the names it may stand for today. */
const EQUIVALENT_SUFFIXES: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/(环境保护局|环保局|生态环境局)$/, ['生态环境局']],
  [/(环境保护厅|环保厅|生态环境厅)$/, ['生态环境厅']],
  [/(国土资源局|国土局|国土资源和规划局)$/, ['自然资源局', '自然资源和规划局']],
  [/(自然资源和规划局|自然规划局)$/, ['自然资源和规划局', '自然资源局']],
  [/(农业局|农业农村局|农业和农村局)$/, ['农业农村局']],
  [
    /(卫计局|卫生计生委|卫生计生局|卫生和计划生育委员会|卫生和计划生育局|卫健局|卫生健康局|卫生健康委员会|卫健委)$/,
    ['卫生健康局'],
  ],
  [/(安监局|安全生产监督管理局|应急管理局|应急局)$/, ['应急管理局']],
  [/(发展和改革委员会|发展改革委员会|发展改革委|发改委|发展改革局|发展和改革局|发改局)$/, ['发展和改革局']],
  [/(经济和信息化局|经济和信息化委员会|经济和信息化委|经信局|经信委|工业和信息化局|工信局)$/, ['工业和信息化局']],
  [/(住房和城乡建设局|住房城乡建设局|住房和城乡建设委员会|住建局|住建委)$/, ['住房和城乡建设局']],
  [
    /(食品药品监督管理局|食药监局|工商行政管理局|工商局|质量技术监督局|质监局|市场监督管理局|市场监管局)$/,
    ['市场监督管理局'],
  ],
  [/(供销合作社|供销社|供销合作联社)$/, ['供销合作社']],
  [/(科学技术局|科技局)$/, ['科学技术局']],
  [/(交通运输局|交通局)$/, ['交通运输局']],
  [/(海洋与渔业局|海洋渔业局)$/, ['海洋与渔业局']],
  [/(财政局)$/, ['财政局']],
  [/(水务局|水利局)$/, ['水务局']],
  [/(人民政府|政府)$/, ['人民政府']],
];

/** Government-level prefixes as documents use them before a department name (市环保局, 县发改局). */
const LEVEL_PREFIXES: Record<string, 'province' | 'city' | 'county' | 'township'> = {
  省: 'province',
  市: 'city',
  县: 'county',
  区: 'county',
  镇: 'township',
  乡: 'township',
};

/** NFKC folds full-width forms; documents also break names across lines and end lists with 等. */
export function cleanUnitName(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[“”"'‘’]/g, '')
    .replace(/(等单位|等部门|等)$/, '');
}

/** A name split into the place or level it names (if any) and the department part. */
export interface NameParts {
  place: string | null;
  levelPrefix: keyof typeof LEVEL_PREFIXES | null;
  rest: string;
}

/**
 * Splits `阳江市环境保护局` into place `阳江市` and rest `环境保护局` (given the known place names), and
 * `县发改局` into level prefix `县` and rest `发改局`.
 */
export function splitUnitName(name: string, placeNames: readonly string[]): NameParts {
  const clean = cleanUnitName(name);
  const place = [...placeNames]
    .sort((a, b) => b.length - a.length)
    .find((p) => clean.startsWith(p) && clean.length > p.length);
  if (place) {
    return { place, levelPrefix: null, rest: clean.slice(place.length) };
  }
  const first = clean.charAt(0);
  if (first in LEVEL_PREFIXES && clean.length > 2) {
    return { place: null, levelPrefix: first, rest: clean.slice(1) };
  }
  return { place: null, levelPrefix: null, rest: clean };
}

export function levelOfPrefix(prefix: keyof typeof LEVEL_PREFIXES): 'province' | 'city' | 'county' | 'township' {
  return LEVEL_PREFIXES[prefix];
}

/** Every comparable form of a department name: itself and what its old or short name stands for today. */
export function nameKeys(rest: string): string[] {
  const keys = new Set<string>([rest]);
  for (const [pattern, replacements] of EQUIVALENT_SUFFIXES) {
    if (pattern.test(rest)) {
      for (const replacement of replacements) {
        keys.add(rest.replace(pattern, replacement));
      }
    }
  }
  return [...keys];
}

/** Place names a government is known by: `阳江市人民政府` → `阳江市`, `阳江`. */
export function placeNamesOf(governmentName: string): string[] {
  const place = cleanUnitName(governmentName).replace(/(人民政府|政府)$/, '');
  const names = [place];
  const bare = place.replace(/(自治县|自治州|自治区|特别行政区|省|市|县|区|镇|乡)$/, '');
  if (bare.length >= 2 && bare !== place) {
    names.push(bare);
  }
  return names;
}

/** Character-bigram similarity (Dice), enough to rank candidates for a name nobody recognised. */
export function similarity(a: string, b: string): number {
  const grams = (s: string) => {
    const out = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) {
      const g = s.slice(i, i + 2);
      out.set(g, (out.get(g) ?? 0) + 1);
    }
    return out;
  };
  const ga = grams(a);
  const gb = grams(b);
  let common = 0;
  for (const [g, n] of ga) {
    common += Math.min(n, gb.get(g) ?? 0);
  }
  const total = Math.max(a.length - 1, 0) + Math.max(b.length - 1, 0);
  return total === 0 ? (a === b ? 1 : 0) : (2 * common) / total;
}
