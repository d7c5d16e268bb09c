CREATE TABLE "public"."Invoices" (id int);
