#!/usr/bin/env node
// The `karna` command (npx karna …). The CLI is TypeScript, run directly by Node 24's type stripping.
await import('../src/cli/main.ts');
