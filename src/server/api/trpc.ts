import { initTRPC, TRPCError } from "@trpc/server";
import type { Logger } from "pino";
import { ZodError } from "zod";
import { type ApiErrorData, dashboardMode, MODE_HEADER, STIGG_NOT_FOUND, type WorkspaceKind } from "@/contract";
import type { Workspace } from "@/generated/prisma/client";
import { type SignedCaller, verifySignedCaller } from "../auth/stripeSignature";
import { getConfig } from "../config";
import { getSql } from "../db/client";
import { isStoreBusy } from "../db/poolWait";
import { isStoreUnavailable } from "../db/storeFailure";
import { ReadCache } from "../db/readCache";
import { type SqlReader, sql } from "../db/sql";
import { deferredSource, sourceFor } from "../sources/sourceFor";
import type { EntitlementSource } from "../sources/types";
import { recordSourceRead } from "./lastRead";
import { SourcePartFailed } from "./sourceFailure";

/** How one call of a request ended; the handler logs them all in one line per HTTP request. */
export interface CallOutcome {
  path: string;
  ms: number;
  /** The tRPC error code, when the call did not return data. */
  code?: string;
}

export interface Context {
  headers: Headers;
  correlationId: string;
  log: Logger;
  outcomes: CallOutcome[];
  /** When this HTTP request must have its answer (epoch ms): its time budget's end. */
  deadline: number;
}

/** Carries what the client needs to act on a NOT_FOUND ("View in Stigg"). */
export class NotFoundInSource extends Error {
  constructor(readonly stiggUrl: string) {
    super(STIGG_NOT_FOUND);
  }
}

/** The kind of the workspace each request's account is linked to, for its errors' data. */
const linkedKinds = new WeakMap<Context, WorkspaceKind>();

const INTERNAL_MESSAGE =
  "The data source could not be read. Try again; if it keeps failing, quote the correlation id to support.";
const STORE_MESSAGE =
  "The app's database is unavailable right now. Try again in a moment; if it keeps failing, quote the correlation id to support.";

const BUSY_MESSAGE =
  "The app's database is busy right now. Retry in a moment; if it keeps happening, quote the correlation id to support.";

/** A store that is busy, not down: the caller is told to retry, with a code it can act on. */
function busyRetry(cause: unknown): TRPCError {
  return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: BUSY_MESSAGE, cause });
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error, ctx }) {
    const data: ApiErrorData = {
      code: shape.data.code,
      httpStatus: shape.data.httpStatus,
      correlationId: ctx?.correlationId ?? "unknown",
    };
    if (error.cause instanceof ZodError) {
      data.issues = error.cause.issues.map((i) => ({
        path: i.path.filter((p): p is string | number => typeof p !== "symbol"),
        message: i.message,
      }));
    }
    if (error.cause instanceof NotFoundInSource) data.stiggUrl = error.cause.stiggUrl;
    const workspaceKind = ctx && linkedKinds.get(ctx);
    if (workspaceKind) data.workspaceKind = workspaceKind;
    const partFailed = error.cause instanceof SourcePartFailed ? error.cause : null;
    if (partFailed) data.failure = partFailed.failure;
    // Internals (stack, driver messages) stay in the logs; a failed read's own message says only why.
    const message =
      error.code !== "INTERNAL_SERVER_ERROR"
        ? shape.message
        : isStoreUnavailable(error.cause)
          ? STORE_MESSAGE
          : partFailed && shape.message
            ? shape.message
            : INTERNAL_MESSAGE;
    return { message, code: shape.code, data };
  },
});

export const createTRPCRouter = t.router;

interface Tenant {
  caller: SignedCaller;
  /** The mode of the link the workspace comes from; null when unlinked. */
  livemode: boolean | null;
  workspace: Workspace | null;
  source: EntitlementSource | null;
  log: Logger;
}

/** The Dashboard's mode hint: undefined when absent; a bad value is the client's bug. */
function modeHint(headers: Headers): boolean | undefined {
  const raw = headers.get(MODE_HEADER);
  if (raw === null) return undefined;
  const parsed = dashboardMode.safeParse(raw);
  if (!parsed.success) {
    throw new TRPCError({ code: "BAD_REQUEST", message: `The ${MODE_HEADER} header must be "test" or "live".` });
  }
  return parsed.data === "live";
}

/** Verifies the signature and finds the link; null when the request is not signed. */
async function resolveTenant(ctx: Context): Promise<Tenant | null> {
  const caller = verifySignedCaller(ctx.headers, getConfig().appSecrets);
  if (!caller) return null;
  const livemodeHint = modeHint(ctx.headers);
  const db = await getSql();
  const linked = await linkedWorkspace(db, caller.accountId, livemodeHint);
  const workspace = linked?.workspace ?? null;
  const log = ctx.log.child({ accountId: caller.accountId, workspaceId: workspace?.id });
  return {
    caller,
    livemode: linked?.livemode ?? null,
    workspace,
    source: workspace ? deferredSource(() => sourceFor(workspace, db, log, ctx.deadline)) : null,
    log,
  };
}

type LinkedWorkspace = { workspace: Workspace; livemode: boolean } | null;

/** Links as read, until a change to links or workspaces (from any process) or READ_CACHE_MS. */
const links = new ReadCache<LinkedWorkspace>(() => getConfig().readCacheMs);

/**
 * The workspace linked to a Stripe account, in one statement (the ORM's include would
 * take two). Stripe sends the same account id in test and live mode. With the Dashboard's
 * mode hint, only the link of that mode counts (it picks among the verified account's own
 * links, nothing more); without it, a live-mode link wins. Cached only while no link or
 * workspace has changed: an unlink takes effect at once in this process, and in the
 * others as soon as the store's notification reaches them (changeFeed.ts).
 */
function linkedWorkspace(db: SqlReader, stripeAccountId: string, livemode: boolean | undefined): Promise<LinkedWorkspace> {
  return links.read(db.generation(), `${stripeAccountId}/${livemode ?? "any"}`, async () => {
    const [row] = await db.rows<Workspace & { linkLivemode: boolean }>(sql`
      SELECT w.id, w.source_kind::text AS "sourceKind", w.display_name AS "displayName",
             w.stigg_app_base_url AS "stiggAppBaseUrl", w.stigg_api_url AS "stiggApiUrl",
             w.stigg_api_key_sealed AS "stiggApiKeySealed", w.stripe_api_url AS "stripeApiUrl",
             w.stripe_api_key_sealed AS "stripeApiKeySealed", w.created_at AS "createdAt", w.updated_at AS "updatedAt",
             l.livemode AS "linkLivemode"
      FROM stripe_account_link l JOIN workspace w ON w.id = l.workspace_id
      WHERE l.stripe_account_id = ${stripeAccountId}
        AND (${livemode ?? null}::boolean IS NULL OR l.livemode = ${livemode ?? null}::boolean)
      ORDER BY l.livemode DESC
      LIMIT 1`);
    if (!row) return null;
    const { linkLivemode, ...workspace } = row;
    return { workspace, livemode: linkLivemode };
  });
}

/** Procedures about the account's links, not its data: they read no source. */
const ACCOUNT_PROCEDURES = new Set(["getLinks", "disconnect"]);

// The context is created once per HTTP request, so the calls of one batch (the drawer's
// first paint) share one signature check, one link lookup and one tenant logger.
const tenants = new WeakMap<Context, Promise<Tenant | null>>();

/**
 * Runs only after Stripe's signature check; the verified account is the tenant, and the
 * tenant's linked workspace (if any) decides the data source. Each call's outcome goes to
 * the request's one log line; an internal failure is logged at once, with its cause. One
 * middleware rather than two: each layer copies the context again, on every call.
 */
export const signedProcedure = t.procedure.use(async ({ ctx, path, next }) => {
  const started = performance.now();
  let tenant = tenants.get(ctx);
  if (!tenant) {
    tenant = resolveTenant(ctx);
    tenants.set(ctx, tenant);
  }
  const resolved = await tenant.catch((err: unknown) => {
    if (isStoreBusy(err)) {
      ctx.outcomes.push({ path, ms: elapsed(started), code: "SERVICE_UNAVAILABLE" });
      throw busyRetry(err);
    }
    ctx.outcomes.push({ path, ms: elapsed(started), code: "INTERNAL_SERVER_ERROR" });
    ctx.log.error({ path, err }, "procedure failed");
    throw err;
  });
  if (resolved?.workspace) linkedKinds.set(ctx, resolved.workspace.sourceKind);
  if (!resolved) {
    ctx.outcomes.push({ path, ms: elapsed(started), code: "UNAUTHORIZED" });
    throw new TRPCError({
      code: "UNAUTHORIZED",
      message: "The request is not signed by Stripe for this app. Reload the Stripe Dashboard and try again.",
    });
  }
  const result = await next({ ctx: resolved });
  const ms = elapsed(started);
  if (!result.ok && isStoreBusy(result.error.cause)) {
    ctx.outcomes.push({ path, ms, code: "SERVICE_UNAVAILABLE" });
    throw busyRetry(result.error.cause);
  }
  if (result.ok) ctx.outcomes.push({ path, ms });
  else {
    ctx.outcomes.push({ path, ms, code: result.error.code });
    if (result.error.code === "INTERNAL_SERVER_ERROR" || result.error.code === "TOO_MANY_REQUESTS" || result.error.cause instanceof SourcePartFailed) {
      resolved.log.error({ path, ms, err: result.error.cause ?? result.error }, "procedure failed");
    }
  }
  // A procedure that the linked source answered is the settings view's "last good read";
  // "not found" is an answer from the source too.
  const answered = result.ok || result.error.code === "NOT_FOUND";
  if (answered && resolved.workspace && resolved.livemode !== null && !ACCOUNT_PROCEDURES.has(path)) {
    recordSourceRead(resolved.caller.accountId, resolved.livemode, resolved.workspace.id);
  }
  return result;
});

const elapsed = (started: number) => Math.round((performance.now() - started) * 10) / 10;
