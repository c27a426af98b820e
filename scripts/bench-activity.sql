-- What PostgreSQL did, as counters (bench-booking.sh reads them before and after each phase, through HTTP and
-- through pgbench, and prints the difference per request): index scans per index, sequential scans, rows
-- inserted and updated per table. The same counts per request mean the same statements.
SELECT 'index scans ' || indexrelname AS counter, idx_scan AS n FROM pg_stat_user_indexes WHERE idx_scan > 0
UNION ALL SELECT 'sequential scans ' || relname, seq_scan FROM pg_stat_user_tables WHERE seq_scan > 0
UNION ALL SELECT 'rows inserted ' || relname, n_tup_ins FROM pg_stat_user_tables WHERE n_tup_ins > 0
UNION ALL SELECT 'rows updated ' || relname, n_tup_upd FROM pg_stat_user_tables WHERE n_tup_upd > 0
UNION ALL SELECT 'transactions', xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()
