import * as fs from 'node:fs';

/** Debian's Chromium; CI installs it with apt-get. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const chromiumAvailable = fs.existsSync(CHROMIUM_PATH);

/** `describe` when Chromium is installed; otherwise the suite is skipped and says so loudly. */
export function describeInBrowser(name: string, body: () => void): void {
  if (chromiumAvailable) {
    describe(name, body);
    return;
  }
  process.stderr.write(
    `\n  SKIPPED browser suite "${name}": ${CHROMIUM_PATH} not found (apt-get install chromium)\n\n`,
  );
  describe.skip(`${name} [SKIPPED: ${CHROMIUM_PATH} not found]`, body);
}
