-- expect: renaming-column
ALTER TABLE "Users" RENAME "FullName" TO full_name;
