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
  // The drawer's API answers its own headers; pages get the framework defaults.
  reactStrictMode: true,
};

export default nextConfig;
