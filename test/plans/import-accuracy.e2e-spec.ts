import { parsePlan, type ParsedTask } from '@app/plans';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

import { formatReport, score, type GoldFile, type GoldTask } from './accuracy';

/**
 * Accuracy of the plan parser on the seed documents against hand-made gold labels. Prints precision / recall / F1
 * per field and fails below the agreed floors. The seeds live outside the repo (read-only); set PLAN_SEEDS_DIR to
 * point elsewhere.
 */

const GOLD_DIR = join(__dirname, '..', 'fixtures', 'plans', 'gold');
const SEED_DIRS = [
  process.env.PLAN_SEEDS_DIR,
  join(__dirname, '..', 'fixtures', 'plans', 'seeds'),
  // The repo's sibling `shared/` folder, as on the development machines and in CI.
  join(__dirname, '..', '..', '..', 'shared', 'seeds'),
];

const FLOORS = { leadF1: 0.98, participantsF1: 0.98, deadlineExact: 0.95, taskRecall: 0.98 };

const FIXTURES = ['002-table.gold.json', '002-prose.gold.json', '004-prose.gold.json'];

function seedPath(file: string): string {
  const dir = SEED_DIRS.find((candidate) => candidate !== undefined && existsSync(join(candidate, file)));
  if (dir === undefined) {
    throw new Error(`Seed ${file} not found in ${SEED_DIRS.filter(Boolean).join(', ')}; set PLAN_SEEDS_DIR.`);
  }
  return join(dir, file);
}

function asGold(task: ParsedTask): GoldTask {
  return {
    ref: task.ref,
    lead: task.lead,
    participants: task.participants,
    deadlines: task.deadlines,
    localResponsibility: task.localResponsibility,
    ...(task.row === undefined ? {} : { row: task.row }),
  };
}

describe('plan import accuracy', () => {
  describe.each(FIXTURES)('%s', (fixture) => {
    const gold = JSON.parse(readFileSync(join(GOLD_DIR, fixture), 'utf8')) as GoldFile;

    it('should meet the accuracy floors when parsing the seed', async () => {
      const path = seedPath(gold.file);
      const plan = await parsePlan({ buffer: readFileSync(path), filename: gold.file }, { source: gold.source });
      const report = score(gold.tasks, plan.tasks.map(asGold));
      console.log(formatReport(`${fixture} (year ${plan.year ?? 'unknown'})`, report));

      expect(plan.year).toBe(gold.year);
      expect(report.lead.f1).toBeGreaterThanOrEqual(FLOORS.leadF1);
      expect(report.participants.f1).toBeGreaterThanOrEqual(FLOORS.participantsF1);
      expect(report.deadlineExact).toBeGreaterThanOrEqual(FLOORS.deadlineExact);
      expect(report.taskRecall).toBeGreaterThanOrEqual(FLOORS.taskRecall);
    });
  });
});
