/**
 * The OASIS Akoma Ntoso 3.0 schema for the tests, when this machine has it: `AKN_SCHEMA` (the
 * path of `akomantoso30.xsd`, with the `xml.xsd` it imports beside it), else
 * `../shared/reference/akn/akomantoso30.xsd` beside the checkout. It is not in the repository
 * (test/fixtures/akn/README.md says why); without it the schema tests are skipped, and say so.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli.js';

const candidates = [process.env['AKN_SCHEMA'], join(ROOT, '..', 'shared', 'reference', 'akn', 'akomantoso30.xsd')];

export const AKN_SCHEMA: string | undefined = candidates.find((path): path is string => path !== undefined && path !== '' && existsSync(path));
