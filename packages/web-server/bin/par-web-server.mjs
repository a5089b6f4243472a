#!/usr/bin/env node
// Serves a built frontend; options in ../src/cli.mjs.
import { main } from '../src/cli.mjs';

main(process.argv.slice(2));
