-- AlterTable
ALTER TABLE "oauth_state" ADD COLUMN     "sandbox" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "stripe_account_link" ADD COLUMN     "sandbox" BOOLEAN NOT NULL DEFAULT false;
