import { MigrationInterface, QueryRunner } from 'typeorm';

export class Platform1795365411058 implements MigrationInterface {
  name = 'Platform1795365411058';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_log\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"updatedAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"actorType\" varchar(20) NOT NULL, \"actorId\" varchar(26), \"actorName\" varchar(100), \"action\" varchar(64) NOT NULL, \"entityType\" varchar(64) NOT NULL, \"entityId\" varchar(26), \"before\" text, \"after\" text)");
    await queryRunner.query("CREATE INDEX \"IDX_cb6aa6f6fd56f08eafb6031622\" ON \"audit_log\" (\"actorId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_951e6339a77994dfbad976b35c\" ON \"audit_log\" (\"action\") ");
    await queryRunner.query("CREATE INDEX \"IDX_7253c576c9bcaf94fe064341dd\" ON \"audit_log\" (\"entityType\", \"entityId\") ");
    await queryRunner.query("CREATE TABLE \"api_client\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"updatedAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"name\" varchar(100) NOT NULL, \"keyHash\" varchar(64) NOT NULL, \"keyPrefix\" varchar(16) NOT NULL, \"scopes\" text NOT NULL, \"active\" boolean NOT NULL DEFAULT (1), \"lastUsedAt\" datetime(3), \"revokedAt\" datetime(3))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_e2f621c8346f40b5c77aa66760\" ON \"api_client\" (\"keyHash\") ");
    await queryRunner.query("CREATE TABLE \"dealership\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"updatedAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"code\" varchar(32) NOT NULL, \"name\" varchar(100) NOT NULL, \"brand\" varchar(50), \"city\" varchar(50), \"address\" varchar(200), \"phone\" varchar(30), \"active\" boolean NOT NULL DEFAULT (1))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_0025016c7e7f2df6a94c75d4d0\" ON \"dealership\" (\"code\") ");
    await queryRunner.query("CREATE INDEX \"IDX_6647169e6060240e5f1568b775\" ON \"dealership\" (\"city\") ");
    await queryRunner.query("CREATE TABLE \"job_lock\" (\"job\" varchar(40) PRIMARY KEY NOT NULL, \"holder\" varchar(120), \"leaseUntil\" datetime(3), \"lastWindow\" varchar(40), \"runId\" varchar(26))");
    await queryRunner.query("CREATE TABLE \"job_run\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"updatedAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"job\" varchar(40) NOT NULL, \"status\" varchar(20) NOT NULL, \"asOf\" datetime(3) NOT NULL, \"startedAt\" datetime(3) NOT NULL, \"finishedAt\" datetime(3), \"processed\" integer NOT NULL DEFAULT (0), \"affected\" integer NOT NULL DEFAULT (0), \"error\" text, \"instance\" varchar(120), \"trigger\" varchar(20) NOT NULL DEFAULT ('SCHEDULE'))");
    await queryRunner.query("CREATE INDEX \"IDX_5a0fdad15aa6d7c0c941ce5873\" ON \"job_run\" (\"job\", \"startedAt\") ");
    await queryRunner.query("CREATE TABLE \"notification\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"updatedAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"memberId\" varchar(26), \"channel\" varchar(20) NOT NULL, \"template\" varchar(40) NOT NULL, \"recipient\" varchar(200) NOT NULL, \"status\" varchar(20) NOT NULL, \"dedupeKey\" varchar(191) NOT NULL, \"body\" text NOT NULL, \"data\" text, \"scheduledAt\" datetime(3) NOT NULL, \"nextAttemptAt\" datetime(3) NOT NULL, \"sentAt\" datetime(3), \"attempts\" integer NOT NULL DEFAULT (0), \"error\" text, \"claimedBy\" varchar(120), \"claimedUntil\" datetime(3))");
    await queryRunner.query("CREATE INDEX \"IDX_adeb547544a66c2b1293643190\" ON \"notification\" (\"memberId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_0e0a4efa44850566408fa4a1fa\" ON \"notification\" (\"dedupeKey\") ");
    await queryRunner.query("CREATE INDEX \"IDX_7fd1e90e10d42692b18f5f7592\" ON \"notification\" (\"status\", \"nextAttemptAt\") ");
    await queryRunner.query("CREATE TABLE \"seed_state\" (\"name\" varchar(100) PRIMARY KEY NOT NULL, \"appliedAt\" datetime(3) NOT NULL, \"note\" text)");
    await queryRunner.query("CREATE TABLE \"staff_user\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"updatedAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"username\" varchar(64) NOT NULL, \"name\" varchar(100) NOT NULL, \"passwordHash\" varchar(100) NOT NULL, \"role\" varchar(20) NOT NULL, \"dealershipId\" varchar(26), \"active\" boolean NOT NULL DEFAULT (1))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_5b021acaebf628d940d8ad2476\" ON \"staff_user\" (\"username\") ");
    await queryRunner.query("CREATE INDEX \"IDX_03a9fd2cd1616e1a7aa5b05889\" ON \"staff_user\" (\"dealershipId\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_03a9fd2cd1616e1a7aa5b05889\"");
    await queryRunner.query("DROP INDEX \"IDX_5b021acaebf628d940d8ad2476\"");
    await queryRunner.query("DROP TABLE \"staff_user\"");
    await queryRunner.query("DROP TABLE \"seed_state\"");
    await queryRunner.query("DROP INDEX \"IDX_7fd1e90e10d42692b18f5f7592\"");
    await queryRunner.query("DROP INDEX \"IDX_0e0a4efa44850566408fa4a1fa\"");
    await queryRunner.query("DROP INDEX \"IDX_adeb547544a66c2b1293643190\"");
    await queryRunner.query("DROP TABLE \"notification\"");
    await queryRunner.query("DROP INDEX \"IDX_5a0fdad15aa6d7c0c941ce5873\"");
    await queryRunner.query("DROP TABLE \"job_run\"");
    await queryRunner.query("DROP TABLE \"job_lock\"");
    await queryRunner.query("DROP INDEX \"IDX_6647169e6060240e5f1568b775\"");
    await queryRunner.query("DROP INDEX \"IDX_0025016c7e7f2df6a94c75d4d0\"");
    await queryRunner.query("DROP TABLE \"dealership\"");
    await queryRunner.query("DROP INDEX \"IDX_e2f621c8346f40b5c77aa66760\"");
    await queryRunner.query("DROP TABLE \"api_client\"");
    await queryRunner.query("DROP INDEX \"IDX_7253c576c9bcaf94fe064341dd\"");
    await queryRunner.query("DROP INDEX \"IDX_951e6339a77994dfbad976b35c\"");
    await queryRunner.query("DROP INDEX \"IDX_cb6aa6f6fd56f08eafb6031622\"");
    await queryRunner.query("DROP TABLE \"audit_log\"");
  }
}
