/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite and the WASM schema engine load .wasm/data files from their own package
  // directories at run time; bundling them breaks those paths.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/schema-engine-wasm",
    "pino",
  ],
  poweredByHeader: false,
  // The drawer's API answers its own headers; pages get the framework defaults.
  reactStrictMode: true,
};

export default nextConfig;
