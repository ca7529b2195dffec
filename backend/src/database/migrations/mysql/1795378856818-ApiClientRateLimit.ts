import { MigrationInterface, QueryRunner } from 'typeorm';

export class ApiClientRateLimit1795378856818 implements MigrationInterface {
  name = 'ApiClientRateLimit1795378856818';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `api_client` ADD `rateLimitPerWindow` int NULL");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `api_client` DROP COLUMN `rateLimitPerWindow`");
  }
}
