import { MigrationInterface, QueryRunner } from 'typeorm';

export class Service1795371474102 implements MigrationInterface {
  name = 'Service1795371474102';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"complaint\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"updatedAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"ticketNo\" varchar(24) NOT NULL, \"memberId\" varchar(26), \"dealershipId\" varchar(26), \"vehicleId\" varchar(26), \"transactionId\" varchar(26), \"category\" varchar(32) NOT NULL, \"priority\" varchar(8) NOT NULL, \"channel\" varchar(8) NOT NULL, \"status\" varchar(12) NOT NULL, \"subject\" varchar(200) NOT NULL, \"description\" text, \"assigneeId\" varchar(26), \"acknowledgeDueAt\" datetime(3) NOT NULL, \"resolveDueAt\" datetime(3) NOT NULL, \"acknowledgedAt\" datetime(3), \"resolvedAt\" datetime(3), \"closedAt\" datetime(3), \"outcome\" varchar(24), \"resolution\" text, \"satisfaction\" integer, \"feedback\" text, \"escalationLevel\" integer NOT NULL DEFAULT (0))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_2c2433ce5524fa1fb6e8bb8823\" ON \"complaint\" (\"ticketNo\") ");
    await queryRunner.query("CREATE INDEX \"IDX_e28da46c9dd51c8d5eb7c095cc\" ON \"complaint\" (\"memberId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_270c9d4258b606a3d49ffc6ca8\" ON \"complaint\" (\"assigneeId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_6ed989f87a810077849a76111a\" ON \"complaint\" (\"dealershipId\", \"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_054dba1968a512a6dc3df22958\" ON \"complaint\" (\"status\", \"resolveDueAt\") ");
    await queryRunner.query("CREATE TABLE \"complaint_event\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"updatedAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"complaintId\" varchar(26) NOT NULL, \"type\" varchar(12) NOT NULL, \"note\" text, \"actorType\" varchar(12) NOT NULL, \"actorId\" varchar(26), \"actorName\" varchar(100), \"fromStatus\" varchar(12), \"toStatus\" varchar(12))");
    await queryRunner.query("CREATE INDEX \"IDX_cbcbf600ba05648fbac17e4106\" ON \"complaint_event\" (\"complaintId\", \"createdAt\") ");
    await queryRunner.query("CREATE TABLE \"follow_up\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"updatedAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"kind\" varchar(16) NOT NULL, \"status\" varchar(12) NOT NULL, \"memberId\" varchar(26) NOT NULL, \"dealershipId\" varchar(26), \"transactionId\" varchar(26), \"complaintId\" varchar(26), \"activityId\" varchar(26), \"sourceKey\" varchar(120) NOT NULL, \"dueAt\" datetime(3) NOT NULL, \"attempts\" integer NOT NULL DEFAULT (0), \"assigneeId\" varchar(26), \"outcome\" varchar(200), \"satisfaction\" integer, \"notes\" text, \"completedAt\" datetime(3))");
    await queryRunner.query("CREATE INDEX \"IDX_8ae977bf082b203b5a970b73ee\" ON \"follow_up\" (\"dealershipId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_5f03e9143ad7c3d36f55aedefa\" ON \"follow_up\" (\"sourceKey\") ");
    await queryRunner.query("CREATE INDEX \"IDX_d9a4745368b962c8bef4e2b861\" ON \"follow_up\" (\"assigneeId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_0fbcf5f5ae7340bf7f3a082976\" ON \"follow_up\" (\"memberId\", \"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_943b423e28311dd1b2597a13a2\" ON \"follow_up\" (\"status\", \"dueAt\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_943b423e28311dd1b2597a13a2\"");
    await queryRunner.query("DROP INDEX \"IDX_0fbcf5f5ae7340bf7f3a082976\"");
    await queryRunner.query("DROP INDEX \"IDX_d9a4745368b962c8bef4e2b861\"");
    await queryRunner.query("DROP INDEX \"IDX_5f03e9143ad7c3d36f55aedefa\"");
    await queryRunner.query("DROP INDEX \"IDX_8ae977bf082b203b5a970b73ee\"");
    await queryRunner.query("DROP TABLE \"follow_up\"");
    await queryRunner.query("DROP INDEX \"IDX_cbcbf600ba05648fbac17e4106\"");
    await queryRunner.query("DROP TABLE \"complaint_event\"");
    await queryRunner.query("DROP INDEX \"IDX_054dba1968a512a6dc3df22958\"");
    await queryRunner.query("DROP INDEX \"IDX_6ed989f87a810077849a76111a\"");
    await queryRunner.query("DROP INDEX \"IDX_270c9d4258b606a3d49ffc6ca8\"");
    await queryRunner.query("DROP INDEX \"IDX_e28da46c9dd51c8d5eb7c095cc\"");
    await queryRunner.query("DROP INDEX \"IDX_2c2433ce5524fa1fb6e8bb8823\"");
    await queryRunner.query("DROP TABLE \"complaint\"");
  }
}
