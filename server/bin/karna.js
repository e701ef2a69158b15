#!/usr/bin/env -S node --max-semi-space-size=4 --max-old-space-size=192
// A small young generation and an old generation capped at four times what a million-person import
// keeps alive (under 50 MB after each collection): the import then peaks near 205 MiB, where V8's
// own headroom let it reach 320–380 MiB, at the same speed. bench/RESULTS.md.
// The `karna` command (npx karna …). The CLI is TypeScript, run directly by Node 24's type stripping.
await import('../src/cli/main.ts');
