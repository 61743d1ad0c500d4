/** After each test file: its connection to the run's shared Chromium is closed (test/helpers/cli.ts). */
import { afterAll } from 'vitest';
import { closeSharedSession } from './helpers/shared-browser.js';

afterAll(closeSharedSession);
