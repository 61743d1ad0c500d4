/**
 * Every rule against its fixtures (src/check/rules/<id>.fixtures.yaml), checked in memory: an
 * ok example gives no message at all (from any rule); a not-ok example gives exactly the
 * messages it lists from its rule. Every rule has both.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/check/presets.js';
import { checkFixture, readFixtures } from '../helpers/fixtures.js';

it('the base project of the fixtures has no finding', async () => {
  expect((await checkFixture({ name: 'base' })).messages.map((m) => m.text)).toEqual([]);
});

const CONVERTED = ['control-characters'];

describe.each(RULES.map((r) => r.meta.id).filter((id) => CONVERTED.includes(id)))('rule %s', (id) => {
  const fixtures = readFixtures(id);
  it('has ok and not-ok fixtures', () => {
    expect(fixtures?.ok?.length ?? 0).toBeGreaterThan(0);
    expect(fixtures?.['not-ok']?.length ?? 0).toBeGreaterThan(0);
  });
  for (const fixture of fixtures?.ok ?? []) {
    it(`ok: ${fixture.name}`, async () => {
      expect((await checkFixture(fixture)).messages.map((m) => `${m.text} (${m.ruleId})`)).toEqual([]);
    });
  }
  for (const fixture of fixtures?.['not-ok'] ?? []) {
    it(`not-ok: ${fixture.name}`, async () => {
      const { messages } = await checkFixture(fixture);
      expect(messages.filter((m) => m.ruleId === id).map((m) => m.text).sort()).toEqual([...(fixture.messages ?? [])].sort());
    });
  }
});
