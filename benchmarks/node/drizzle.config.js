// The configuration `drizzle-kit migrate` runs with in the benchmarks: the folder and database come from the
// environment the harness sets (BENCH_MIGRATIONS_FOLDER, DATABASE_URL).
module.exports = {
  dialect: 'postgresql',
  out: process.env.BENCH_MIGRATIONS_FOLDER,
  dbCredentials: { url: process.env.DATABASE_URL },
};
