#!/usr/bin/env node
// Thin shim: refuse old Node.js with a plain message, then hand over to the compiled CLI.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    `soc2 needs Node.js 22.12 or newer; this is Node.js ${process.versions.node}.\n` +
      'Install a current Node.js (for example: npm install --prefix ~/.node24 node@24 and put\n' +
      '~/.node24/node_modules/.bin first on PATH), then run soc2 again.\n',
  );
  process.exit(2);
}

try {
  const { main } = await import('../dist/src/cli/main.js');
  const code = await main(process.argv);
  // After bad input found mid-scan or an interrupt, requests of other providers may still be in
  // flight; nothing more will be written, so do not wait for their sockets.
  if (code === 2 || code === 130) process.exit(code);
  process.exitCode = code;
} catch (error) {
  if (
    error &&
    error.code === 'ERR_MODULE_NOT_FOUND' &&
    String(error.message).includes('dist/src/cli/main.js')
  ) {
    process.stderr.write(
      'soc2 is not built yet: run `npm ci` (or `npm run build`) in the soc2 folder first.\n',
    );
    process.exit(2);
  }
  throw error;
}
