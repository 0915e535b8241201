// The direction of every import in src/, checked by `npm test` (issue #8 §2). Pure domain code at the
// bottom; stores and the JustClick client above it; the three edges (the Telegram bot, the HTTP server,
// the alert engine) on top, never importing each other; app.ts alone wires them together.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-imports-only-domain',
      comment: 'The period grammar, the digest, the rendering: plain functions, testable without Redis or Telegram.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/', pathNot: '^src/domain/' },
    },
    {
      name: 'store-and-justclick-import-no-edge',
      comment: 'Stores, the JustClick client and the outbound Telegram gateway serve the edges; they never reach up into them.',
      severity: 'error',
      from: { path: '^src/(store|justclick|outbound)/' },
      to: { path: '^src/(telegram|http|jobs)/|^src/(app|main)\\.ts$' },
    },
    {
      name: 'edges-do-not-import-each-other',
      comment: 'The bot, the HTTP server and the engine meet only in app.ts: each declares what it needs from the others.',
      severity: 'error',
      from: { path: '^src/(telegram|http|jobs)/' },
      to: { path: '^src/(telegram|http|jobs)/', pathNot: '^src/$1/' },
    },
    {
      name: 'only-main-starts-the-app',
      comment: 'app.ts is the composition root: nothing in src/ but main.ts depends on it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/main\\.ts$' },
      to: { path: '^src/(app|main)\\.ts$' },
    },
    {
      name: 'no-circular',
      comment: 'A cycle, even through type imports, means two modules are one concern split in two.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a type cycle is still a cycle in the design.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
