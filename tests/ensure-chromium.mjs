// The browser tests drive Debian's Chromium, the report tests read PDFs back with poppler's pdftotext, and
// the proxy test puts Debian's nginx in front of the app with a certificate openssl makes, and the
// tests of several server processes and of backups run Debian's PostgreSQL even on the PGlite run;
// a fresh machine gets them from apt, as Playwright's own browser download cannot reach its servers from here.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const NEEDED = [
  { path: '/usr/bin/chromium', pkg: 'chromium' },
  { path: '/usr/bin/pdftotext', pkg: 'poppler-utils' },
  { path: '/usr/sbin/nginx', pkg: 'nginx' },
  { path: '/usr/bin/openssl', pkg: 'openssl' },
  { path: '/usr/lib/postgresql', pkg: 'postgresql' },
];
const missing = NEEDED.filter(({ path }) => !existsSync(path));
if (missing.length > 0) {
  const packages = missing.map(({ pkg }) => pkg).join(' ');
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    console.error(`Testerna behöver ${missing.map(({ path }) => path).join(' och ')}. Installera med: sudo apt-get install -y ${packages}`);
    process.exit(1);
  }
  console.log(`Installerar ${packages} med apt-get …`);
  execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages}`, { stdio: 'inherit' });
}
