import type { GovLevel, UnitKind } from '../units/unit.entity';
import { cleanUnitName, levelOfPrefix, nameKeys, placeNamesOf, similarity, splitUnitName } from './unit-name';

/** What the resolver needs to know of a unit. */
export interface ResolvableUnit {
  id: number;
  name: string;
  shortName: string;
  kind: UnitKind;
  level: GovLevel;
  aliases: readonly string[];
  /** The government the unit belongs to (itself for a government); null for a unit above every government. */
  governmentId: number | null;
}

export interface UnitCandidate {
  id: number;
  name: string;
  score: number;
}

export type Resolution =
  | { status: 'resolved'; name: string; unitId: number; unitName: string }
  | { status: 'ambiguous'; name: string; candidates: UnitCandidate[] }
  | { status: 'unresolved'; name: string; candidates: UnitCandidate[] };

export interface ResolveContext {
  /** The government whose plan is being read: unprefixed names prefer its own departments. */
  scopeGovernmentId?: number | null;
}

interface IndexedUnit {
  unit: ResolvableUnit;
  keys: Set<string>;
  /** Full normalised names (name, short name, aliases), matched exactly before any key matching. */
  exact: Set<string>;
}

/**
 * Resolves names as documents write them to units, through names, aliases and institutional renames.
 * It never guesses: two equally good matches are reported as ambiguous, none as unresolved with candidates.
 */
export class UnitResolver {
  private readonly indexed: IndexedUnit[];
  private readonly placeNames: string[];
  private readonly governmentsByPlace = new Map<string, number>();

  constructor(units: readonly ResolvableUnit[]) {
    const governments = units.filter((u) => u.kind === 'government');
    for (const government of governments) {
      for (const place of placeNamesOf(government.name)) {
        this.governmentsByPlace.set(place, government.id);
      }
    }
    this.placeNames = [...this.governmentsByPlace.keys()];
    this.indexed = units.map((unit) => this.index(unit));
  }

  resolve(rawName: string, context: ResolveContext = {}): Resolution {
    const name = cleanUnitName(rawName);
    const exact = this.indexed.filter((entry) => entry.exact.has(name));
    if (exact.length > 0) {
      return this.decide(name, exact, context, null);
    }
    const parts = splitUnitName(name, this.placeNames);
    const queryKeys = nameKeys(parts.rest);
    let matches = this.indexed.filter((entry) => queryKeys.some((key) => entry.keys.has(key)));
    if (parts.place) {
      const governmentId = this.governmentsByPlace.get(parts.place);
      matches = matches.filter((entry) => entry.unit.governmentId === governmentId);
    }
    if (matches.length === 0) {
      return { status: 'unresolved', name, candidates: this.suggest(name) };
    }
    const level = parts.levelPrefix ? levelOfPrefix(parts.levelPrefix) : null;
    return this.decide(name, matches, context, level);
  }

  private decide(name: string, matches: IndexedUnit[], context: ResolveContext, level: GovLevel | null): Resolution {
    let pool = matches;
    if (level) {
      const atLevel = pool.filter((entry) => entry.unit.level === level);
      pool = atLevel.length > 0 ? atLevel : pool;
    }
    if (pool.length > 1 && context.scopeGovernmentId) {
      const own = pool.filter((entry) => entry.unit.governmentId === context.scopeGovernmentId);
      pool = own.length > 0 ? own : pool;
    }
    if (pool.length === 1) {
      const unit = pool[0].unit;
      return { status: 'resolved', name, unitId: unit.id, unitName: unit.name };
    }
    return {
      status: 'ambiguous',
      name,
      candidates: pool.map((entry) => ({ id: entry.unit.id, name: entry.unit.name, score: 1 })),
    };
  }

  private suggest(name: string, limit = 5): UnitCandidate[] {
    const { rest } = splitUnitName(name, this.placeNames);
    return this.indexed
      .map((entry) => ({
        id: entry.unit.id,
        name: entry.unit.name,
        score: Math.max(
          ...[...entry.exact].map((known) => similarity(rest, splitUnitName(known, this.placeNames).rest)),
        ),
      }))
      .filter((candidate) => candidate.score > 0.2)
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map((candidate) => ({ ...candidate, score: Math.round(candidate.score * 100) / 100 }));
  }

  private index(unit: ResolvableUnit): IndexedUnit {
    const names = [unit.name, unit.shortName, ...unit.aliases].map(cleanUnitName).filter((n) => n.length > 0);
    const keys = new Set<string>();
    for (const name of names) {
      for (const key of nameKeys(splitUnitName(name, this.placeNames).rest)) {
        keys.add(key);
      }
    }
    return { unit, keys, exact: new Set(names) };
  }
}
