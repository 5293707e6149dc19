import type { Context } from '../cli/context.js';
import type { PageId } from './pages/types.js';

/**
 * The only things the dashboard writes: each is a POST form with the CSRF
 * token, applied through the owning capability's own store functions
 * (which record who and when). `--read-only` turns all of them off.
 */
export interface WriteRoute {
  readonly path: string;
  /** The page the form is on, shown again after the write. */
  readonly page: PageId;
  apply(ctx: Context, field: (name: string) => string): Promise<void>;
}

export const WRITES: readonly WriteRoute[] = [];
