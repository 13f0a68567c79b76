-- AlterTable
ALTER TABLE "stripe_account_link" ADD COLUMN     "granted_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- A link made before this column existed was last granted when it was last written (an
-- install or a reinstall): the migration's own time would set aside uninstalls still in
-- Stripe's retry queue.
UPDATE "stripe_account_link" SET "granted_at" = "updated_at";

-- CreateTable
CREATE TABLE "processed_webhook_event" (
    "id" TEXT NOT NULL,
    "processed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_webhook_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "processed_webhook_event_processed_at_idx" ON "processed_webhook_event"("processed_at");
