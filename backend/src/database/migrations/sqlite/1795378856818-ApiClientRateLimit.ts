import { MigrationInterface, QueryRunner } from 'typeorm';

export class ApiClientRateLimit1795378856818 implements MigrationInterface {
  name = 'ApiClientRateLimit1795378856818';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_e2f621c8346f40b5c77aa66760\"");
    await queryRunner.query("CREATE TABLE \"temporary_api_client\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"updatedAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"name\" varchar(100) NOT NULL, \"keyHash\" varchar(64) NOT NULL, \"keyPrefix\" varchar(16) NOT NULL, \"scopes\" text NOT NULL, \"active\" boolean NOT NULL DEFAULT (1), \"lastUsedAt\" datetime(3), \"revokedAt\" datetime(3), \"rateLimitPerWindow\" integer)");
    await queryRunner.query("INSERT INTO \"temporary_api_client\"(\"id\", \"createdAt\", \"updatedAt\", \"name\", \"keyHash\", \"keyPrefix\", \"scopes\", \"active\", \"lastUsedAt\", \"revokedAt\") SELECT \"id\", \"createdAt\", \"updatedAt\", \"name\", \"keyHash\", \"keyPrefix\", \"scopes\", \"active\", \"lastUsedAt\", \"revokedAt\" FROM \"api_client\"");
    await queryRunner.query("DROP TABLE \"api_client\"");
    await queryRunner.query("ALTER TABLE \"temporary_api_client\" RENAME TO \"api_client\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_e2f621c8346f40b5c77aa66760\" ON \"api_client\" (\"keyHash\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_e2f621c8346f40b5c77aa66760\"");
    await queryRunner.query("ALTER TABLE \"api_client\" RENAME TO \"temporary_api_client\"");
    await queryRunner.query("CREATE TABLE \"api_client\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"updatedAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"name\" varchar(100) NOT NULL, \"keyHash\" varchar(64) NOT NULL, \"keyPrefix\" varchar(16) NOT NULL, \"scopes\" text NOT NULL, \"active\" boolean NOT NULL DEFAULT (1), \"lastUsedAt\" datetime(3), \"revokedAt\" datetime(3))");
    await queryRunner.query("INSERT INTO \"api_client\"(\"id\", \"createdAt\", \"updatedAt\", \"name\", \"keyHash\", \"keyPrefix\", \"scopes\", \"active\", \"lastUsedAt\", \"revokedAt\") SELECT \"id\", \"createdAt\", \"updatedAt\", \"name\", \"keyHash\", \"keyPrefix\", \"scopes\", \"active\", \"lastUsedAt\", \"revokedAt\" FROM \"temporary_api_client\"");
    await queryRunner.query("DROP TABLE \"temporary_api_client\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_e2f621c8346f40b5c77aa66760\" ON \"api_client\" (\"keyHash\") ");
  }
}
