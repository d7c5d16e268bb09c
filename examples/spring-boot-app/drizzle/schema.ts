import { index, pgEnum, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

// 0000 created open/done; 0001 appended paused (enum values are only ever appended).
export const taskStatus = pgEnum('task_status', ['open', 'done', 'paused']);

export const tasks = pgTable(
  'tasks',
  {
    id: serial('id').primaryKey(),
    title: text('title').notNull(),
    status: taskStatus('status').default('open').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
    // 0002: added with a default, backfilled, then NOT NULL; indexed CONCURRENTLY
    owner: text('owner').default('unassigned').notNull(),
  },
  (table) => [index('tasks_owner_idx').on(table.owner)],
);
