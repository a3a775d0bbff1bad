-- AlterTable
ALTER TABLE "users" ADD COLUMN "kajabi_contact_id" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "users_kajabi_contact_id_key" ON "users"("kajabi_contact_id");
