/** The writer child's schema: an intake, its tokens and a chain that forks if two writers read the same head. */
import type { DialectMigration } from '../migrate.ts';

export const WRITER_SCHEMA: readonly DialectMigration[] = [
  {
    id: 'writer-001',
    sqlite: `CREATE TABLE intake (id TEXT PRIMARY KEY, body BLOB NOT NULL) STRICT;
      CREATE TABLE intake_token (intake_id TEXT NOT NULL REFERENCES intake (id), token TEXT NOT NULL, PRIMARY KEY (intake_id, token)) STRICT;
      CREATE TABLE chain (seq INTEGER PRIMARY KEY, intake_id TEXT NOT NULL UNIQUE REFERENCES intake (id)) STRICT;
      CREATE TABLE chain_head (singleton INTEGER PRIMARY KEY CHECK (singleton = 1), n INTEGER NOT NULL) STRICT;
      INSERT INTO chain_head (singleton, n) VALUES (1, 0);`,
    postgres: `CREATE TABLE intake (id TEXT PRIMARY KEY, body BYTEA NOT NULL);
      CREATE TABLE intake_token (intake_id TEXT NOT NULL REFERENCES intake (id), token TEXT NOT NULL, PRIMARY KEY (intake_id, token));
      CREATE TABLE chain (seq BIGINT PRIMARY KEY, intake_id TEXT NOT NULL UNIQUE REFERENCES intake (id));
      CREATE TABLE chain_head (singleton INTEGER PRIMARY KEY CHECK (singleton = 1), n BIGINT NOT NULL);
      INSERT INTO chain_head (singleton, n) VALUES (1, 0);`,
  },
];
