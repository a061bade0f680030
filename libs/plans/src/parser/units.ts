/**
 * Unit (单位) names in responsibility clauses and table cells. Names are kept as written (`国土资源局` stays short;
 * resolving aliases is the importer's job), minus line breaks, a trailing 等 and role words.
 */

/** Endings of a complete unit name; a cell ending otherwise (`住房和`, `住房和城`) was cut by a page break. */
const UNIT_ENDING =
  /(局|委|委员会|办|办公室|厅|部|院|会|处|站|所|中心|政府|府|室|队|社|行|署|馆|公司|集团|组|团|协|联|科|股|庭|台|校|镇|乡|街|街道|村|区|县|市|省|州|旗|军|企业|单位|部门|机构|司|馆|场|园|网|报|厂|矿|基地|农场)$/;

const LEADING_NOISE = ['以及', '会同', '由', '和', '及', '并', '与', '，', '、', '；', '。'];
const TRAILING_NOISE = [
  '等有关部门',
  '等相关部门',
  '等有关单位',
  '等相关单位',
  '等成员单位',
  '等部门',
  '等单位',
  '等',
  '分别',
  '共同',
  '负责',
  '参与',
  '牵头',
  '配合',
  '协办',
  '协助',
  '参加',
  '，',
  '、',
  '；',
  '。',
  '：',
];

/** Clean one unit name: no whitespace or line breaks, no leading 由/和, no trailing 等/负责/参与. */
export function cleanUnitName(name: string): string {
  let out = name.replace(/\s+/g, '');
  for (let changed = true; changed;) {
    changed = false;
    const lead = LEADING_NOISE.find((noise) => out.startsWith(noise));
    if (lead !== undefined) {
      out = out.slice(lead.length);
      changed = true;
    }
    const trail = TRAILING_NOISE.find((noise) => out.endsWith(noise));
    if (trail !== undefined) {
      out = out.slice(0, out.length - trail.length);
      changed = true;
    }
  }
  return out;
}

/** Longest plausible unit name (`各县（市、区）级人民政府`, `市食品药品监督管理局` are far shorter). */
const MAX_UNIT_LENGTH = 20;
/** A page break leaves at most this much of a cut unit name at the end of a cell (`住房和城`). */
const MAX_FRAGMENT_LENGTH = 8;
/** Sentences start with a verb or a preposition; unit names do not. */
const SENTENCE_START =
  /^(完成|开展|建立|建设|加强|推进|实施|制定|落实|严格|强化|做好|按照|根据|对|将|在|以|从|为|把|通过|采取|鼓励|支持|组织|编制|启动|确保|实现|全面|进一步)/;

/** Does the name end like a unit (局, 委员会, 人民政府…) and read like one? */
export function looksLikeUnit(name: string): boolean {
  return (
    name.length >= 2 &&
    name.length <= MAX_UNIT_LENGTH &&
    UNIT_ENDING.test(name) &&
    !SENTENCE_START.test(name) &&
    !/[。；！？]/.test(name)
  );
}

/**
 * Split a list of units on 、，；/ outside brackets, so `各县（市、区）级人民政府、管委会` gives two names. Line
 * breaks inside a name (`住房\n和城乡建设局`) are removed first.
 */
export function splitUnitList(list: string): string[] {
  const text = list.replace(/\s+/g, '');
  const names: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of text) {
    if (c === '（' || c === '〈' || c === '《' || c === '[') {
      depth++;
    } else if ((c === '）' || c === '〉' || c === '》' || c === ']') && depth > 0) {
      depth--;
    }
    if (depth === 0 && (c === '、' || c === '，' || c === '；' || c === '/')) {
      names.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  names.push(current);
  return names.map(cleanUnitName).filter((name) => name !== '');
}

/** Is the cell a list of units? The last name may be cut short by a page break (`…、住房和`). */
export function isUnitList(cell: string): boolean {
  if (/。\s*$/.test(cell)) {
    return false;
  }
  const names = splitUnitList(cell);
  if (names.length === 0) {
    return false;
  }
  const last = names[names.length - 1];
  const lastFits =
    looksLikeUnit(last) || (names.length > 1 && last.length <= MAX_FRAGMENT_LENGTH && !SENTENCE_START.test(last));
  return lastFits && names.slice(0, -1).every(looksLikeUnit);
}

/** Is this a lower government rather than a department (`各县（市、区）级人民政府`, `管委会`, `各乡镇`)? */
export function isLocalGovernment(name: string): boolean {
  return /(人民政府|政府|管委会|^各(县|区|市|乡|镇|街|地)|乡镇|镇街|街道办)/.test(name);
}
