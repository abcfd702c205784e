// The browser tests drive Debian's Chromium; a fresh machine gets it from apt, as Playwright's own
// browser download cannot reach its servers from here.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    console.error(`Webbläsartesterna behöver ${CHROMIUM}. Installera den med: sudo apt-get install -y chromium`);
    process.exit(1);
  }
  console.log(`Installerar Chromium (${CHROMIUM}) med apt-get …`);
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
}
