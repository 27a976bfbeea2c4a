import type { BrowserContext, Page, Worker } from 'playwright-core';

export function onboardingPage(context: BrowserContext, extensionId: string): Promise<Page>;
export function allowAllSitesInBrowser(context: BrowserContext, extensionId: string): Promise<void>;
export function gateMatches(worker: Worker): Promise<string[]>;
export function chooseAccess(context: BrowserContext, worker: Worker, extensionId: string, mode: 'everywhere' | 'on-click'): Promise<Page>;
