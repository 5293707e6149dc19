import { preloadConfigLoader, preloadDataReaders } from '../../src/cli/context.js';

// Contexts built directly by tests (not through the CLI entry) load the
// config loader and the data readers synchronously on first use, which needs
// compiled .js files; under vitest the sources are TypeScript, so load them
// up front here.
await Promise.all([preloadConfigLoader(), preloadDataReaders()]);
