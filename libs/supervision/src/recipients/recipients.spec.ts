import { AccessScope } from '@app/org';
import { RecipientCandidate, recipientsFor } from './recipients';

const city = { id: 1, path: '/1/' };
const cityAgri = { id: 3, path: '/1/3/' };
const county = { id: 10, path: '/1/10/' };
const countyAgri = { id: 11, path: '/1/10/11/' };

const cityScope: AccessScope = { kind: 'subtree', rootId: city.id, rootPath: city.path };
const countyScope: AccessScope = { kind: 'subtree', rootId: county.id, rootPath: county.path };

let nextId = 1;
function user(role: RecipientCandidate['role'], unitId: number, scope: AccessScope, active = true): RecipientCandidate {
  return { id: nextId++, role, unitId, active, scope };
}

describe('recipientsFor', () => {
  const liaison = user('unit_liaison', cityAgri.id, { kind: 'unit', unitId: cityAgri.id });
  const head = user('unit_head', cityAgri.id, { kind: 'unit', unitId: cityAgri.id });
  const formerLiaison = user('unit_liaison', cityAgri.id, { kind: 'unit', unitId: cityAgri.id }, false);
  const cityOffice = user('office_admin', 2, cityScope);
  const citySupervisor = user('supervisor', 4, cityScope);
  const countyOffice = user('office_admin', 12, countyScope);
  const countyLiaison = user('unit_liaison', countyAgri.id, { kind: 'unit', unitId: countyAgri.id });
  const admin = user('system_admin', 1, { kind: 'all' });
  const leader = user('leader', 1, cityScope);
  const everyone = [
    liaison,
    head,
    formerLiaison,
    cityOffice,
    citySupervisor,
    countyOffice,
    countyLiaison,
    admin,
    leader,
  ];

  it('should address a yellow warning to the unit liaison, the head and the office', () => {
    const picked = recipientsFor('yellow_warning', cityAgri, everyone);
    expect(picked.map((r) => [r.role, r.user.id])).toEqual([
      ['unit_liaison', liaison.id],
      ['unit_head', head.id],
      ['office_admin', cityOffice.id],
    ]);
  });

  it('should add the supervisor and leave out the liaison for a supervision case', () => {
    const roles = recipientsFor('supervision_case', cityAgri, everyone).map((r) => r.role);
    expect(roles).toEqual(['unit_head', 'office_admin', 'supervisor']);
  });

  it('should summon the principal head through the head accounts, or the liaison when the unit has no head account', () => {
    expect(recipientsFor('interview', cityAgri, everyone).map((r) => r.user.id)).toEqual([
      head.id,
      cityOffice.id,
      citySupervisor.id,
    ]);
    const countyPicked = recipientsFor('interview', countyAgri, everyone);
    expect(countyPicked[0]).toEqual({ role: 'unit_principal_head', user: countyLiaison });
  });

  it('should pick the nearest office when no government is given, and the plan government office when one is', () => {
    expect(recipientsFor('red_warning', countyAgri, everyone).map((r) => r.user.id)).toEqual([countyOffice.id]);
    expect(recipientsFor('red_warning', countyAgri, everyone, { governmentId: city.id }).map((r) => r.user.id)).toEqual(
      [cityOffice.id],
    );
  });

  it('should skip inactive users, leaders and the system admin', () => {
    const ids = recipientsFor('reminder_due', cityAgri, everyone).map((r) => r.user.id);
    expect(ids).toEqual([liaison.id]);
    const all = ESCALATION_STEPS.flatMap((step) => recipientsFor(step, cityAgri, everyone).map((r) => r.user.id));
    expect(all).not.toContain(formerLiaison.id);
    expect(all).not.toContain(admin.id);
    expect(all).not.toContain(leader.id);
  });

  it('should never pick the office of another subtree', () => {
    const ids = recipientsFor('yellow_warning', cityAgri, everyone).map((r) => r.user.id);
    expect(ids).not.toContain(countyOffice.id);
  });
});

const ESCALATION_STEPS = [
  'reminder_before_due',
  'reminder_due',
  'yellow_warning',
  'red_warning',
  'supervision_case',
  'interview',
  'progress_lag_warning',
] as const;
