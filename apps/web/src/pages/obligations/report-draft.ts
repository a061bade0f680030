import type { SubmissionKind } from '../../api/types';

/** What a half-written report keeps in this browser; files cannot be kept and must be chosen again. */
export interface ReportDraft {
  kind: SubmissionKind;
  progressText?: string;
  percentComplete?: number | null;
  indicators?: Record<string, number | null>;
  savedAt: string;
}

const KINDS: readonly SubmissionKind[] = ['progress', 'no_progress', 'no_task'];

/** Per user and obligation, so a shared computer never offers one person's draft to another. */
function key(userId: number, obligationId: number): string {
  return `report-draft:${userId}:${obligationId}`;
}

export function loadDraft(userId: number, obligationId: number): ReportDraft | null {
  try {
    const raw = window.localStorage.getItem(key(userId, obligationId));
    const draft = raw ? (JSON.parse(raw) as Partial<ReportDraft>) : null;
    return draft && KINDS.includes(draft.kind as SubmissionKind) && typeof draft.savedAt === 'string'
      ? (draft as ReportDraft)
      : null;
  } catch {
    return null;
  }
}

/** Saves the draft (stamped with the server's time, as everything else shown), or forgets an empty one. */
export function saveDraft(userId: number, obligationId: number, draft: Omit<ReportDraft, 'savedAt'>, now: Date): void {
  const empty =
    !draft.progressText?.trim() &&
    (draft.percentComplete === null || draft.percentComplete === undefined) &&
    Object.values(draft.indicators ?? {}).every((value) => value === null || value === undefined) &&
    draft.kind === 'progress';
  try {
    if (empty) {
      window.localStorage.removeItem(key(userId, obligationId));
    } else {
      window.localStorage.setItem(key(userId, obligationId), JSON.stringify({ ...draft, savedAt: now.toISOString() }));
    }
  } catch {
    // Storage full or disabled (private mode): the form still works, only without the safety net.
  }
}

/** Whether this browser holds any unsent report (told to someone whose session just expired). */
export function hasAnyDraft(): boolean {
  try {
    return Object.keys(window.localStorage).some((name) => name.startsWith('report-draft:'));
  } catch {
    return false;
  }
}

export function clearDraft(userId: number, obligationId: number): void {
  try {
    window.localStorage.removeItem(key(userId, obligationId));
  } catch {
    // See saveDraft.
  }
}
