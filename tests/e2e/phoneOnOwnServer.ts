import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startAppServer, type AppServer } from './appServer.ts';
import { launchChromium, PHONE, signIn } from './browser.ts';

export interface PhoneOnOwnServer {
  server: AppServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

/**
 * A server of the test file's own (the file changes data, which other files must not see) and a phone
 * at 360 px signed in as `email` on it: opened before the file's tests, closed after them. The fields are
 * there once the file's tests run.
 */
export function phoneOnOwnServer(email: string): PhoneOnOwnServer {
  const phone = {} as PhoneOnOwnServer;
  beforeAll(async () => {
    phone.server = await startAppServer();
    phone.browser = await launchChromium();
    phone.context = await phone.browser.newContext({ ...PHONE, baseURL: phone.server.baseURL });
    phone.page = await phone.context.newPage();
    await signIn(phone.page, email);
  });
  afterAll(async () => {
    await phone.browser?.close();
    await phone.server?.stop();
  });
  return phone;
}
