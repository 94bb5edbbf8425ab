// Debian's Chromium for every browser tool here (test tools cannot download browsers on these
// machines), with the flags that keep it off the network: without the background-networking
// flags it floods a closed network with refused connections.

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
