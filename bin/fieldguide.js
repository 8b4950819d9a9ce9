#!/usr/bin/env node
// In a checkout the command runs from its TypeScript sources through tsx (a development dependency);
// the npm package ships them compiled into lib/ (scripts/build-lib.ts), which Node runs as is.
import { existsSync } from 'node:fs';

const checkout = new URL('../src/cli.ts', import.meta.url);
let main;
if (existsSync(checkout)) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import(checkout.href));
} else {
  ({ main } = await import(new URL('../lib/src/cli.js', import.meta.url).href));
}
process.exitCode = await main(process.argv.slice(2));
