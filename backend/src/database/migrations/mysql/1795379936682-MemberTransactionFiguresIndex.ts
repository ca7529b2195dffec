import { MigrationInterface, QueryRunner } from 'typeorm';

export class MemberTransactionFiguresIndex1795379936682 implements MigrationInterface {
  name = 'MemberTransactionFiguresIndex1795379936682';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The wider index first, so the table is never without an index by member.
    await queryRunner.query("CREATE INDEX `IDX_282c8a2752ac8d9bf466d4f067` ON `sales_transaction` (`memberId`, `occurredAt`, `status`, `type`, `amount`, `qualifyingPoints`)");
    await queryRunner.query("DROP INDEX `IDX_f9a76a1ba4f108d8a3470a9583` ON `sales_transaction`");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_282c8a2752ac8d9bf466d4f067` ON `sales_transaction`");
    await queryRunner.query("CREATE INDEX `IDX_f9a76a1ba4f108d8a3470a9583` ON `sales_transaction` (`memberId`, `occurredAt`)");
  }
}
