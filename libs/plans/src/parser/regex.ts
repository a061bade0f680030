/**
 * All matches of a global regex, reusing the regex: `String.prototype.matchAll` clones its regex on every call,
 * which costs more than the match itself for the large deadline pattern. Not re-entrant for the same regex.
 */
export function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let match = re.exec(text); match !== null; match = re.exec(text)) {
    out.push(match);
    if (match[0] === '') {
      re.lastIndex++;
    }
  }
  return out;
}
