// Types for scripts/manifest.mjs (plain Node, so that it runs before anything is built).
export interface Manifest {
  constants?: Record<string, unknown> & { API_BASE?: string };
  allowed_redirect_uris?: string[];
  ui_extension: { content_security_policy: { "connect-src"?: string[] } } & Record<string, any>;
  [key: string]: any;
}
export const appDir: string;
export const MANIFEST: string;
export const LOCAL_MANIFEST: string;
export class ManifestError extends Error {}
export function manifestErrors(manifest: unknown, kind?: "main" | "local"): string[];
export function publicOrigin(publicUrl: string): string;
export function hostFields(origin: string): { connectSrc: string[]; redirectUris: string[]; apiBase: string };
export function productionManifest(base: Manifest, publicUrl: string): Manifest;
export function extend<T extends object>(base: T, override: object): T;
export function localManifest(): Manifest;
