import { preloadConfigLoader } from '../../src/cli/context.js';

// Contexts built directly by tests (not through the CLI entry) load the
// config loader synchronously on first use, which needs compiled .js files;
// under vitest the sources are TypeScript, so load it up front here.
await preloadConfigLoader();
