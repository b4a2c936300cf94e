-- expect: dropping-column
ALTER TABLE "Users" DROP "MiddleName" CASCADE;
