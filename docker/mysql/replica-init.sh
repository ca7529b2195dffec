#!/bin/sh
# First start of the replica (docker-entrypoint-initdb.d): follow the primary by GTID auto-positioning,
# so it copies everything from the primary's first transaction on (both start empty together).
# Then the replica is made read-only for every account, persisted for the restarts that follow.
set -eu
mysql -uroot -p"$MYSQL_ROOT_PASSWORD" <<SQL
CHANGE REPLICATION SOURCE TO
  SOURCE_HOST = '${PRIMARY_HOST}',
  SOURCE_PORT = 3306,
  SOURCE_USER = 'replicator',
  SOURCE_PASSWORD = '${MYSQL_REPLICATION_PASSWORD}',
  SOURCE_AUTO_POSITION = 1,
  GET_SOURCE_PUBLIC_KEY = 1,
  SOURCE_CONNECT_RETRY = 10;
START REPLICA;
SET PERSIST read_only = ON;
SET PERSIST super_read_only = ON;
SQL
