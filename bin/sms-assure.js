#!/usr/bin/env node
// The harness is written in TypeScript and runs from source: tsx compiles it on load.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
