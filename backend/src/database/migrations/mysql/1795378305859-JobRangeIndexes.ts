import { MigrationInterface, QueryRunner } from 'typeorm';

export class JobRangeIndexes1795378305859 implements MigrationInterface {
  name = 'JobRangeIndexes1795378305859';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX `IDX_bf93201e6ba2241c77e2b9bdbc` ON `member` (`birthday`)");
    await queryRunner.query("CREATE INDEX `IDX_0a47f18a54c38c5ab868a1f248` ON `points_lot` (`expiredAt`, `expiresAt`, `memberId`)");
    await queryRunner.query("CREATE INDEX `IDX_75d419388ca74996d6534a4987` ON `vehicle` (`inspectionDueDate`)");
    await queryRunner.query("CREATE INDEX `IDX_2a44a98875010bee40242ac086` ON `vehicle` (`insuranceExpiryDate`)");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_2a44a98875010bee40242ac086` ON `vehicle`");
    await queryRunner.query("DROP INDEX `IDX_75d419388ca74996d6534a4987` ON `vehicle`");
    await queryRunner.query("DROP INDEX `IDX_0a47f18a54c38c5ab868a1f248` ON `points_lot`");
    await queryRunner.query("DROP INDEX `IDX_bf93201e6ba2241c77e2b9bdbc` ON `member`");
  }
}
