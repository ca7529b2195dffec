import { MigrationInterface, QueryRunner } from 'typeorm';

export class PointsEntryCreatedAtIndex1795374744818 implements MigrationInterface {
  name = 'PointsEntryCreatedAtIndex1795374744818';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX `IDX_923f30bf4035cb35d2b26eebd2` ON `points_entry` (`createdAt`)");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_923f30bf4035cb35d2b26eebd2` ON `points_entry`");
  }
}
