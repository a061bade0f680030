import { Injectable } from '@nestjs/common';
import type { ScopedUnit } from './access-scope';

/** Finds the unit a resource belongs to (null when the resource does not exist). */
export type ResourceUnitLookup = (id: string) => Promise<ScopedUnit | null>;

/**
 * Each domain registers how to find the owning unit of its resources (`unit`, `user`, `plan`, `obligation` …),
 * so one guard can decide jurisdiction for every endpoint.
 */
@Injectable()
export class ResourceScopeRegistry {
  private readonly lookups = new Map<string, ResourceUnitLookup>();

  register(resource: string, lookup: ResourceUnitLookup): void {
    this.lookups.set(resource, lookup);
  }

  lookup(resource: string): ResourceUnitLookup {
    const lookup = this.lookups.get(resource);
    if (!lookup) {
      throw new Error(`No jurisdiction lookup registered for resource "${resource}"`);
    }
    return lookup;
  }
}
