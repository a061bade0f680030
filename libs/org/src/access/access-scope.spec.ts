import { scopeCovers, scopeFor } from './access-scope';

const city = { id: 1, path: '/1/' };
const cityOffice = { id: 2, path: '/1/2/' };
const cityDept = { id: 3, path: '/1/3/' };
const county = { id: 10, path: '/1/10/' };
const countyDept = { id: 11, path: '/1/10/11/' };
const otherCity = { id: 100, path: '/100/' };

describe('scopeFor', () => {
  it('should give the office its whole government subtree when the office sits inside the city government', () => {
    const scope = scopeFor('office_admin', cityOffice, city);
    expect([city, cityDept, county, countyDept].every((u) => scopeCovers(scope, u))).toBe(true);
    expect(scopeCovers(scope, otherCity)).toBe(false);
  });

  it('should limit a county supervisor to the county when their government is the county', () => {
    const scope = scopeFor('supervisor', countyDept, county);
    expect(scopeCovers(scope, countyDept)).toBe(true);
    expect(scopeCovers(scope, cityDept)).toBe(false);
  });

  it('should limit a liaison and a head to their own unit when they belong to a department', () => {
    for (const role of ['unit_liaison', 'unit_head'] as const) {
      const scope = scopeFor(role, cityDept, city);
      expect(scopeCovers(scope, cityDept)).toBe(true);
      expect(scopeCovers(scope, county)).toBe(false);
      expect(scopeCovers(scope, city)).toBe(false);
    }
  });

  it('should let the system admin act everywhere', () => {
    expect(scopeCovers(scopeFor('system_admin', cityOffice, city), otherCity)).toBe(true);
  });
});
