// Backfills submissions.status from the legacy column (run by the application at start-up).
export async function up(db: { query(sql: string): Promise<unknown> }) {
  await db.query("UPDATE submissions SET status = 'PENDING' WHERE status = 'NEW'");
}
