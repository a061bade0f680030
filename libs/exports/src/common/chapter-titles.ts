/**
 * The titles of a plan's top-level sections (`一、农用地`), read back from the source text the plan was imported
 * from, since tasks keep only their numbering (`一/(二)`). Headings written as prose lines win over table cells
 * (a table's 条 cell is often cut by a page break); tables of contents lose their dot leaders and page numbers.
 */

const CHAPTER = /^([一二三四五六七八九十百]+)[、．.]\s*(.+)$/;

/** The chapter numeral of a task ref (`二/(三)/1` → `二`), or null when the ref does not start with one. */
export function chapterOf(ref: string): string | null {
  const first = ref.split('/')[0];
  return /^[一二三四五六七八九十百]+$/.test(first) ? first : null;
}

function clean(cell: string): string {
  return cell
    .replace(/<[^>]+>/g, '')
    .replace(/^[#*\s]+|[*\s]+$/g, '')
    .trim();
}

function titleOf(rest: string): string {
  return rest
    .replace(/[.．…·]{2,}.*$/, '')
    .replace(/[。；，、\s]+$/, '')
    .trim();
}

export function chapterTitles(sourceText: string | null): Map<string, string> {
  const prose = new Map<string, string>();
  const cells = new Map<string, string>();
  for (const line of (sourceText ?? '').split(/\r?\n/)) {
    const parts = line.split('\t');
    for (const part of parts) {
      const match = CHAPTER.exec(clean(part));
      const title = match ? titleOf(match[2]) : '';
      if (!match || title === '' || title.length > 60) {
        continue;
      }
      const target = parts.length > 1 ? cells : prose;
      if (!target.has(match[1])) {
        target.set(match[1], title);
      }
    }
  }
  for (const [numeral, title] of cells) {
    if (!prose.has(numeral)) {
      prose.set(numeral, title);
    }
  }
  return prose;
}
