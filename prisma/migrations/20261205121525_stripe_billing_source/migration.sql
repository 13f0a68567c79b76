-- AlterEnum
ALTER TYPE "SourceKind" ADD VALUE 'stripe_billing';

-- AlterTable
ALTER TABLE "workspace" ADD COLUMN     "stripe_api_key_sealed" TEXT,
ADD COLUMN     "stripe_api_url" TEXT;
