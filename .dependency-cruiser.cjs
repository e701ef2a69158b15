/**
 * The dependency rules `npm test` enforces (npm run deps). Modules meet through their index.ts;
 * the platform knows no business module; contracts stand alone; the web app never reaches into
 * the server. See docs/ARCHITECTURE.md.
 */
module.exports = {
  forbidden: [
    {
      name: 'module-internals',
      comment: "A module may use another module only through that module's index.ts.",
      severity: 'error',
      from: { path: '^server/src/modules/([^/]+)/' },
      to: {
        path: '^server/src/modules/[^/]+/',
        pathNot: ['^server/src/modules/$1/', '^server/src/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'outside-into-module-internals',
      comment:
        "The composition root, CLI, seeds and shared test code use modules through index.ts; shared test code may also use a module's test factories (<module>.test-support.ts).",
      severity: 'error',
      from: { path: '^server/(src/[^/]+\\.ts$|src/cli/|seeds/|test/)' },
      to: {
        path: '^server/src/modules/[^/]+/',
        pathNot: '^server/src/modules/([^/]+)/(index|\\1\\.test-support)\\.ts$',
      },
    },
    {
      name: 'platform-knows-no-module',
      comment: 'The platform (config, db, http, audit) carries no business rules and imports no module.',
      severity: 'error',
      from: { path: '^server/src/platform/', pathNot: '\\.test\\.ts$' },
      to: { path: '^server/src/modules/' },
    },
    {
      name: 'contracts-stand-alone',
      comment: 'Contracts are shared by server and web app and depend on neither.',
      severity: 'error',
      from: { path: '^contracts/' },
      to: { path: '^(server|web)/' },
    },
    {
      name: 'web-not-into-server',
      comment: 'The web app talks to the server over HTTP, typed by contracts.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^server/' },
    },
    {
      name: 'no-circular',
      comment: 'Circular imports make initialisation order fragile.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
