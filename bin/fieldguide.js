#!/usr/bin/env node
// The command is written in TypeScript; tsx compiles it (and the Eleventy config) on the fly.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
