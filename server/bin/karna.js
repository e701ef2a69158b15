#!/usr/bin/env -S node --max-semi-space-size=4
// A small young generation: a million-person import then peaks near 320 MiB instead of 460 MiB at
// the same speed (its live heap is under 50 MB; the rest was V8's headroom). bench/RESULTS.md.
// The `karna` command (npx karna …). The CLI is TypeScript, run directly by Node 24's type stripping.
await import('../src/cli/main.ts');
