// Types of eslint.layers.js for the test that runs the layer rules (test/architecture/layers.test.ts).
import type { Linter } from 'eslint';

export declare const CORE: readonly string[];
export declare const SOURCES: readonly string[];
export declare const EDGE: readonly string[];
export declare function capabilities(srcDir?: URL | string): string[];
export declare function layerConfigs(srcDir?: URL | string): Linter.Config[];
