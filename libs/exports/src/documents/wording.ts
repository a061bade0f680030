/** Ends a sentence with one full stop, whatever was typed. */
export function sentence(text: string): string {
  return `${text.trim().replace(/[。.；;，,]+$/, '')}。`;
}

/** Quotes a title the way official documents do (“…”), dropping quotes it already carries. */
export function quoted(title: string): string {
  return `“${title.replace(/^[“"]+|[”"]+$/g, '')}”`;
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 一、二、… for the headings of a notice (notices have fewer than eleven). */
export function headingNumber(index: number): string {
  return NUMERALS[index] ?? String(index + 1);
}
