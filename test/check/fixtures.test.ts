/**
 * Every rule against its fixtures (src/check/rules/<id>.fixtures.yaml), checked in memory: an
 * ok example gives no message of its rule, and exactly its `others` (none when absent) of the
 * other rules and the loader; a not-ok example gives exactly the messages it lists from its
 * rule (at least one), and exactly its `others` when it lists them. Every rule has both.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/check/presets.js';
import { checkFixture, readFixtures, RULES_DIR } from '../helpers/fixtures.js';

const ids = RULES.map((r) => r.meta.id);

it('the base project of the fixtures has no finding', async () => {
  expect((await checkFixture({ name: 'base' })).messages.map((m) => m.text)).toEqual([]);
});

it('every fixtures file names a rule', () => {
  const files = readdirSync(RULES_DIR).filter((name) => name.endsWith('.fixtures.yaml'));
  expect(files.map((name) => name.replace(/\.fixtures\.yaml$/, '')).sort()).toEqual([...ids].sort());
});

describe.each(ids)('rule %s', (id) => {
  const fixtures = readFixtures(id);
  const names = [...(fixtures?.ok ?? []), ...(fixtures?.['not-ok'] ?? [])].map((f) => f.name);
  it('has ok and not-ok fixtures, each named once', () => {
    expect(fixtures?.ok?.length ?? 0).toBeGreaterThan(0);
    expect(fixtures?.['not-ok']?.length ?? 0).toBeGreaterThan(0);
    expect(new Set(names).size).toBe(names.length);
  });
  const split = async (fixture: Parameters<typeof checkFixture>[0]) => {
    const { messages } = await checkFixture(fixture);
    return {
      mine: messages.filter((m) => m.ruleId === id).map((m) => m.text).sort(),
      others: messages.filter((m) => m.ruleId !== id).map((m) => `${m.text} (${m.ruleId})`).sort(),
    };
  };
  for (const fixture of fixtures?.ok ?? []) {
    it(`ok: ${fixture.name}`, async () => {
      const { mine, others } = await split(fixture);
      expect(mine).toEqual([]);
      expect(others).toEqual([...(fixture.others ?? [])].sort());
    });
  }
  for (const fixture of fixtures?.['not-ok'] ?? []) {
    it(`not-ok: ${fixture.name}`, async () => {
      expect(fixture.messages?.length ?? 0).toBeGreaterThan(0);
      const { mine, others } = await split(fixture);
      expect(mine).toEqual([...(fixture.messages ?? [])].sort());
      if (fixture.others) expect(others).toEqual([...fixture.others].sort());
    });
  }
});
