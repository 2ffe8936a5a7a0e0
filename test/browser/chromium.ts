import { accessSync, constants } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, which `.ci/run` installs; `SMS_ASSURE_CHROMIUM` names another binary. */
export const CHROMIUM_PATH = process.env.SMS_ASSURE_CHROMIUM ?? '/usr/bin/chromium';

/** Why the browser tests cannot run on this machine; undefined when they can. */
export const chromiumMissing: string | undefined = whyMissing(CHROMIUM_PATH);

/** Screenshots land here, for people to look at; the folder is not committed. */
export const ARTIFACTS_DIR = fileURLToPath(new URL('./artifacts/', import.meta.url));

/** Playwright's own wait for an element or a navigation, well inside vitest's test timeout. */
const WAIT_MS = 10_000;

/**
 * A title for a browser suite that carries the reason it was skipped, so that a machine without
 * Chromium shows why these tests did not run instead of passing them quietly.
 */
export function browserSuite(subject: string): string {
  if (chromiumMissing === undefined) return `${subject}, in Chromium`;

  const title = `${subject}, in Chromium: SKIPPED because ${chromiumMissing}`;
  // Vitest prints no skipped titles when it runs many files, so the reason goes to stderr too.
  // eslint-disable-next-line no-console -- a skip must say why wherever the tests run
  console.warn(title);
  return title;
}

/** A headless Chromium with its own background traffic (updates, sync, QUIC) switched off. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh context (no shared cookies or cache) whose waits are all bounded. */
export async function freshContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(WAIT_MS);
  context.setDefaultNavigationTimeout(WAIT_MS);
  return context;
}

/** Everything the page complained about: uncaught exceptions, console errors (CSP included). */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    const { url } = message.location();
    // Chromium asks a server for /favicon.ico by itself; the pages under test link no icon.
    if (message.type() !== 'error' || url.endsWith('/favicon.ico')) return;
    errors.push(`console: ${message.text()} (${url})`);
  });
  return errors;
}

function whyMissing(path: string): string | undefined {
  try {
    accessSync(path, constants.X_OK);
    return undefined;
  } catch {
    return (
      `${path} is not an executable Chromium ` +
      "(install Debian's: apt-get install chromium, or set SMS_ASSURE_CHROMIUM)"
    );
  }
}
