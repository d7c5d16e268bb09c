import { defineConfig } from 'drizzle-kit';

// `npx drizzle-kit generate` writes the migrations the service applies at startup.
// Conventions: after generating, add the header comment, a *_rollback.sql companion for anything
// that is not purely additive, CONCURRENTLY for indexes on existing tables, and the three-step NOT NULL.
export default defineConfig({
  dialect: 'postgresql',
  schema: './drizzle/schema.ts',
  out: './src/main/resources/drizzle/migrations',
  dbCredentials: {
    url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/postgres',
  },
  migrations: {
    schema: 'drizzle',
    table: '__drizzle_migrations',
  },
});
