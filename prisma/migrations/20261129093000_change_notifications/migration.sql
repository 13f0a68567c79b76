-- Every host instance caches a few reads of the request path (the account's link, a sandbox
-- customer's record and usage) and must drop them the moment the rows behind them change,
-- whichever process changed them (another instance, `npm run unlink`, a seed, plain SQL).
-- One statement-level trigger per table notifies channel "app_changes" with the table's
-- name, and PostgreSQL delivers it at commit to every listening session.
--
-- The driver adapter runs a migration split at every semicolon, comments and quotes
-- included: the function's body is an escaped string whose \073 are its semicolons.
CREATE FUNCTION app_notify_change() RETURNS trigger LANGUAGE plpgsql
AS E'BEGIN PERFORM pg_notify(\'app_changes\', TG_TABLE_NAME)\073 RETURN NULL\073 END'
;

CREATE TRIGGER app_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "workspace" FOR EACH STATEMENT EXECUTE FUNCTION app_notify_change();
CREATE TRIGGER app_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "stripe_account_link" FOR EACH STATEMENT EXECUTE FUNCTION app_notify_change();
CREATE TRIGGER app_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "customer" FOR EACH STATEMENT EXECUTE FUNCTION app_notify_change();
CREATE TRIGGER app_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plan" FOR EACH STATEMENT EXECUTE FUNCTION app_notify_change();
CREATE TRIGGER app_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "feature" FOR EACH STATEMENT EXECUTE FUNCTION app_notify_change();
CREATE TRIGGER app_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "subscription" FOR EACH STATEMENT EXECUTE FUNCTION app_notify_change();
CREATE TRIGGER app_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "entitlement_grant" FOR EACH STATEMENT EXECUTE FUNCTION app_notify_change();
CREATE TRIGGER app_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "usage_record" FOR EACH STATEMENT EXECUTE FUNCTION app_notify_change();
CREATE TRIGGER app_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "credit_type" FOR EACH STATEMENT EXECUTE FUNCTION app_notify_change();
CREATE TRIGGER app_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "credit_grant" FOR EACH STATEMENT EXECUTE FUNCTION app_notify_change();
