/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its .wasm/data files from their own package
  // directories at run time; bundling them breaks those paths.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "pino",
  ],
  poweredByHeader: false,
  // Lets two builds (say, a benchmark beside the test run) live side by side.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // The drawer's API answers its own headers; src/proxy.ts adds the pages' security headers.
  reactStrictMode: true,
  experimental: {
    serverActions: {
      // The connect form is a few fields; src/server/http/serverActionGuard.ts answers 413 first.
      bodySizeLimit: "64kb",
      // Behind a proxy that rewrites Host, the public origin is still this site.
      allowedOrigins: process.env.PUBLIC_URL ? [new URL(process.env.PUBLIC_URL).host] : [],
    },
  },
};

export default nextConfig;
