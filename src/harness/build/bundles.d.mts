import type { BuildResult } from "esbuild";

export const root: string;
export function buildSandbox(options: { view: string; outfile: string }): Promise<BuildResult<{ metafile: true }>>;
export function buildRenderer(options: { outfile: string }): Promise<BuildResult<{ metafile: true }>>;
