import type { Browser, Page } from 'puppeteer-core';

export function connectTracked(endpoint: string): Promise<{ browser: Browser; userDataDir: string; openTabs(): Page[]; close(): Promise<void> }>;
