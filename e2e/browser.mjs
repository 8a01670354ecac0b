// Debian's headless Chromium as the e2e scripts start it: the machine's
// network is closed, so background networking, component updates and sync
// are off (else Chromium keeps trying to reach Google's hosts).
import { chromium } from 'playwright-core';

export function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
