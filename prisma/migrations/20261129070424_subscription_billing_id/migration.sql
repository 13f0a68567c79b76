-- AlterTable
ALTER TABLE "subscription" ADD COLUMN     "billing_id" TEXT;

-- CreateIndex
CREATE INDEX "subscription_billing_id_idx" ON "subscription"("billing_id");
