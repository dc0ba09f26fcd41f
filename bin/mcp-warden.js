#!/usr/bin/env node
// Entry point of the mcp-warden CLI: runs the compiled dispatcher (built by `npm ci` through the prepare script).
import { main } from "../dist/cli/main.js";

process.exitCode = await main(process.argv.slice(2));
