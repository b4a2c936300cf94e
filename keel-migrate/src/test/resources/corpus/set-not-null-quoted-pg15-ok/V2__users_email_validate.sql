ALTER TABLE "Users" VALIDATE CONSTRAINT "Users_Email_not_null";
