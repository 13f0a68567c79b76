import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

// Prisma's native schema engine is downloaded at install time, which cannot happen
// offline. The same engine compiled to WASM ships in an npm package; we instantiate it
// by hand because its entry point imports the .wasm as an ES module, which Node 20
// cannot do without a flag.
type Bindings = typeof import("@prisma/schema-engine-wasm/schema_engine_bg") & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

// One WASM instance per process, kept on globalThis: the glue module is a process-wide
// singleton, and Next bundles this file into more than one chunk (start-up, routes). A
// second instantiation would swap the memory under an engine still running.
const g = globalThis as unknown as { __stiggSchemaEngine?: Promise<Bindings> };

function loadBindings(): Promise<Bindings> {
  g.__stiggSchemaEngine ??= (async () => {
    // Resolved at run time from the project, not by the bundler (a non-literal specifier):
    // the package is ESM-only with a .wasm import that bundlers cannot externalize.
    const pkg = "@prisma/schema-engine-wasm";
    const require = createRequire(path.join(process.cwd(), "package.json"));
    const dir = path.dirname(require.resolve(`${pkg}/schema_engine_bg`));
    const glueUrl = pathToFileURL(path.join(dir, "schema_engine_bg.js")).href;
    const glue = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ glueUrl)) as Bindings;
    const bytes = await readFile(path.join(dir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return g.__stiggSchemaEngine;
}

// Read from the project at run time (the server runs from it), never traced into a bundle.
export const MIGRATIONS_DIR = path.join(/* turbopackIgnore: true */ process.cwd(), "prisma", "migrations");
export const SCHEMA_PATH = path.join(/* turbopackIgnore: true */ process.cwd(), "prisma", "schema.prisma");

export async function openSchemaEngine(
  adapter: SqlMigrationAwareDriverAdapterFactory,
  schema?: string,
): Promise<SchemaEngine> {
  const glue = await loadBindings();
  const datamodels: [string, string][] | undefined = schema ? [[SCHEMA_PATH, schema]] : undefined;
  return glue.SchemaEngine.new(
    { datamodels },
    // The engine's log callback; migrations report through their return values instead.
    () => {},
    bindMigrationAwareSqlAdapterFactory(adapter),
  );
}

/** The committed migrations, read the way Prisma's CLI reads them. */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  const entries = await readdir(/* turbopackIgnore: true */ dir, { withFileTypes: true }).catch(() => []);
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const lock = await readFile(path.join(dir, "migration_lock.toml"), "utf8").catch(() => null);
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: lock },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      names.map(async (name) => ({
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: await readFile(path.join(dir, name, "migration.sql"), "utf8").then(
            (sql) => ({ tag: "ok" as const, value: sql }),
            (err: Error) => ({ tag: "error" as const, value: err.message }),
          ),
        },
      })),
    ),
  };
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] };
