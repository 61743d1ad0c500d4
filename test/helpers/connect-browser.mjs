// A connection to the run's shared Chromium that knows the tabs it opened: its close closes
// them and disconnects, leaving the browser to the others. Plain JavaScript, for the shared
// build's own process (test/helpers/shared-build-process.mjs) as for the test files
// (test/helpers/shared-browser.ts).
import puppeteer from 'puppeteer-core';

/** @param {string} endpoint the browser's DevTools address */
export async function connectTracked(endpoint) {
  const browser = await puppeteer.connect({ browserWSEndpoint: endpoint });
  const mine = new Set();
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (...args) => {
    const page = await newPage(...args);
    mine.add(page);
    return page;
  };
  return {
    browser,
    userDataDir: '',
    openTabs: () => [...mine].filter((page) => !page.isClosed()),
    async close() {
      await Promise.all([...mine].map((page) => page.close().catch(() => undefined)));
      await browser.disconnect().catch(() => undefined);
    },
  };
}
