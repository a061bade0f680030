/**
 * Scoring of parsed tasks against hand-made gold labels (test/fixtures/plans/gold). Tasks are matched by ref, in
 * document order for repeated refs; units are compared as multisets per matched task, and unmatched tasks count
 * against precision (extra) or recall (missed).
 */

export interface GoldDeadline {
  raw: string;
  date: string | null;
  kind: string;
  every: string | null;
}

export interface GoldTask {
  ref: string;
  lead: string[];
  participants: string[];
  deadlines: GoldDeadline[];
  localResponsibility: boolean;
  row?: number;
}

export interface GoldFile {
  file: string;
  source: 'prose' | 'table';
  year: number;
  tasks: GoldTask[];
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export interface AccuracyReport {
  goldTasks: number;
  parsedTasks: number;
  matched: number;
  taskRecall: number;
  taskPrecision: number;
  lead: Prf;
  participants: Prf;
  /** Share of gold tasks whose deadline list is exactly right (raw, date, kind, every, in order). */
  deadlineExact: number;
  deadlineEntries: Prf;
  localResponsibility: number;
  /** Human-readable differences, for the log. */
  differences: string[];
}

function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, tp, fp, fn };
}

/** Multiset overlap: [common, onlyInGold, onlyInParsed]. */
function overlap<T>(gold: T[], parsed: T[], key: (item: T) => string): [number, number, number] {
  const counts = new Map<string, number>();
  for (const item of gold) {
    counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  }
  let common = 0;
  for (const item of parsed) {
    const left = counts.get(key(item)) ?? 0;
    if (left > 0) {
      common++;
      counts.set(key(item), left - 1);
    }
  }
  return [common, gold.length - common, parsed.length - common];
}

const deadlineKey = (d: GoldDeadline): string => `${d.raw}|${d.date ?? ''}|${d.kind}|${d.every ?? ''}`;
const same = (a: string[], b: string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** Pair gold and parsed tasks by ref, the n-th of a ref with the n-th of the same ref. */
export function matchByRef(
  gold: GoldTask[],
  parsed: GoldTask[],
): { pairs: [GoldTask, GoldTask][]; missed: GoldTask[]; extra: GoldTask[] } {
  const queues = new Map<string, GoldTask[]>();
  for (const task of parsed) {
    queues.set(task.ref, [...(queues.get(task.ref) ?? []), task]);
  }
  const pairs: [GoldTask, GoldTask][] = [];
  const missed: GoldTask[] = [];
  for (const task of gold) {
    const next = queues.get(task.ref)?.shift();
    if (next === undefined) {
      missed.push(task);
    } else {
      pairs.push([task, next]);
    }
  }
  const extra = [...queues.values()].flat();
  return { pairs, missed, extra };
}

export function score(gold: GoldTask[], parsed: GoldTask[]): AccuracyReport {
  const { pairs, missed, extra } = matchByRef(gold, parsed);
  const differences: string[] = [];
  const counts = { lead: [0, 0, 0], participants: [0, 0, 0], deadlines: [0, 0, 0] };
  let exact = 0;
  let local = 0;
  const tally = (field: keyof typeof counts, [tp, fn, fp]: [number, number, number]): void => {
    counts[field][0] += tp;
    counts[field][1] += fp;
    counts[field][2] += fn;
  };
  for (const [g, p] of pairs) {
    const label = g.row === undefined ? g.ref : `${g.ref} (row ${g.row})`;
    tally('lead', overlap(g.lead, p.lead, String));
    tally('participants', overlap(g.participants, p.participants, String));
    tally('deadlines', overlap(g.deadlines, p.deadlines, deadlineKey));
    if (!same(g.lead, p.lead)) {
      differences.push(`${label} lead: gold ${g.lead.join('、')} | parsed ${p.lead.join('、')}`);
    }
    if (!same(g.participants, p.participants)) {
      differences.push(
        `${label} participants: gold ${g.participants.join('、')} | parsed ${p.participants.join('、')}`,
      );
    }
    if (same(g.deadlines.map(deadlineKey), p.deadlines.map(deadlineKey))) {
      exact++;
    } else {
      differences.push(
        `${label} deadlines: gold ${g.deadlines.map(deadlineKey).join(' ; ')} | parsed ${p.deadlines.map(deadlineKey).join(' ; ')}`,
      );
    }
    if (g.localResponsibility === p.localResponsibility) {
      local++;
    } else {
      differences.push(`${label} localResponsibility: gold ${g.localResponsibility} | parsed ${p.localResponsibility}`);
    }
  }
  for (const task of missed) {
    tally('lead', [0, task.lead.length, 0]);
    tally('participants', [0, task.participants.length, 0]);
    tally('deadlines', [0, task.deadlines.length, 0]);
    differences.push(`${task.ref} missed (gold task not parsed)`);
  }
  for (const task of extra) {
    tally('lead', [0, 0, task.lead.length]);
    tally('participants', [0, 0, task.participants.length]);
    tally('deadlines', [0, 0, task.deadlines.length]);
    differences.push(`${task.ref}${task.row === undefined ? '' : ` (row ${task.row})`} extra (parsed, not in gold)`);
  }
  const [lt, lfp, lfn] = counts.lead;
  const [pt, pfp, pfn] = counts.participants;
  const [dt, dfp, dfn] = counts.deadlines;
  return {
    goldTasks: gold.length,
    parsedTasks: parsed.length,
    matched: pairs.length,
    taskRecall: gold.length === 0 ? 1 : pairs.length / gold.length,
    taskPrecision: parsed.length === 0 ? 1 : pairs.length / parsed.length,
    lead: prf(lt, lfp, lfn),
    participants: prf(pt, pfp, pfn),
    deadlineExact: gold.length === 0 ? 1 : exact / gold.length,
    deadlineEntries: prf(dt, dfp, dfn),
    localResponsibility: gold.length === 0 ? 1 : local / gold.length,
    differences,
  };
}

const pct = (x: number): string => `${(100 * x).toFixed(1).padStart(5)}%`;
const row = (name: string, m: Prf): string =>
  `  ${name.padEnd(22)} P ${pct(m.precision)}  R ${pct(m.recall)}  F1 ${pct(m.f1)}  (tp ${m.tp}, fp ${m.fp}, fn ${m.fn})`;

export function formatReport(title: string, report: AccuracyReport): string {
  return [
    `${title}: ${report.matched}/${report.goldTasks} gold tasks matched, ${report.parsedTasks} parsed`,
    `  ${'tasks'.padEnd(22)} P ${pct(report.taskPrecision)}  R ${pct(report.taskRecall)}`,
    row('lead', report.lead),
    row('participants', report.participants),
    row('deadline entries', report.deadlineEntries),
    `  ${'deadlines exact'.padEnd(22)} ${pct(report.deadlineExact)} of gold tasks`,
    `  ${'localResponsibility'.padEnd(22)} ${pct(report.localResponsibility)} of gold tasks`,
    ...(report.differences.length === 0 ? [] : ['  differences:', ...report.differences.map((d) => `    ${d}`)]),
  ].join('\n');
}
