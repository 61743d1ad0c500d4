/**
 * The first page's optional pictures: an emblem and a recycling mark, each an image file named
 * in the original's document.yaml (none is shipped). Named, they are printed (the emblem left of
 * "United Nations", the mark beside the QR code); not named, nothing is drawn in their place.
 */
import { describe, expect, it } from 'vitest';
import { loadTemplates, localeFonts } from '../../src/load/assets.js';
import { transformEdition } from '../../src/transform/transform-stage.js';
import { createWorld } from '../../src/load/world.js';
import { ROOT } from '../helpers/cli.js';
import { baseFile, loadFixtureProject } from '../helpers/fixtures.js';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><circle cx="5" cy="5" r="4"/></svg>';

/** The fixtures' base project, its original document.yaml extended with `extraYaml`. */
const load = (extraYaml: string, files: Record<string, string> = {}) => loadFixtureProject({ ...files, 'en/document.yaml': `${baseFile('en/document.yaml')}${extraYaml}` });

async function html(project: Awaited<ReturnType<typeof load>>): Promise<string> {
  const edition = project.originalEdition;
  if (!edition) throw new Error('no original edition');
  return (await transformEdition(edition, await loadTemplates(createWorld(ROOT)), await localeFonts(edition.locale))).printHtml;
}

describe('the emblem and the recycling mark', () => {
  it('are printed when document.yaml names them', async () => {
    const project = await load('emblem: un-emblem.svg\nrecyclingMark: recycle.svg\n', { 'en/un-emblem.svg': SVG, 'en/recycle.svg': SVG });
    expect(project.files.flatMap((f) => f.messages)).toEqual([]);
    const url = `data:image/svg+xml;base64,${Buffer.from(SVG).toString('base64')}`;
    expect(project.originalEdition?.images).toEqual({ emblem: url, recyclingMark: url });
    // Every edition carries them (the structure is the original's).
    expect(project.editions.every((e) => e.images.emblem === url)).toBe(true);
    const page = await html(project);
    expect(page).toMatch(new RegExp(`<img class="emblem" src="${url.replace(/[+/]/g, (c) => `\\${c}`)}" alt="">\\s*<p class="un">`));
    // The mark stands before the QR code in page 1's footer box.
    expect(page).toMatch(/@bottom-right \{ content: url\("data:image\/svg\+xml;base64,[^"]+"\) " " url\("data:image\/svg\+xml;base64,/);
  });

  it('draw nothing when not named', async () => {
    const page = await html(await load(''));
    expect(page).not.toContain('class="emblem"');
    expect(page).not.toContain('<img');
    expect(page).toMatch(/@bottom-right \{ content: url\("data:image\/svg\+xml;base64,[^"]+"\); vertical-align/);
  });

  it('a named file that is missing is reported at its key', async () => {
    const project = await load('emblem: un-emblem.svg\n');
    const messages = project.files.flatMap((f) => f.messages.map((m) => `${f.basename}:${m.line}:${m.column} ${m.ruleId} ${m.reason}`));
    expect(messages).toEqual([expect.stringMatching(/^document\.yaml:18:1 missing-source Missing image .*un-emblem\.svg$/)]);
  });

  it('only an svg or png beside document.yaml may be named (no path)', async () => {
    const project = await load('emblem: ../../etc/emblem.svg\n');
    const messages = project.files.flatMap((f) => f.messages.map((m) => `${m.ruleId} ${m.reason}`));
    expect(messages).toEqual(['metadata-schema `emblem`: an image file beside document.yaml: name.svg or name.png']);
  });
});
