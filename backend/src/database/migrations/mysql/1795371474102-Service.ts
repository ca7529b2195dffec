import { MigrationInterface, QueryRunner } from 'typeorm';

export class Service1795371474102 implements MigrationInterface {
  name = 'Service1795371474102';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `complaint` (`id` varchar(26) NOT NULL, `createdAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), `updatedAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), `ticketNo` varchar(24) NOT NULL, `memberId` varchar(26) NULL, `dealershipId` varchar(26) NULL, `vehicleId` varchar(26) NULL, `transactionId` varchar(26) NULL, `category` varchar(32) NOT NULL, `priority` varchar(8) NOT NULL, `channel` varchar(8) NOT NULL, `status` varchar(12) NOT NULL, `subject` varchar(200) NOT NULL, `description` text NULL, `assigneeId` varchar(26) NULL, `acknowledgeDueAt` datetime(3) NOT NULL, `resolveDueAt` datetime(3) NOT NULL, `acknowledgedAt` datetime(3) NULL, `resolvedAt` datetime(3) NULL, `closedAt` datetime(3) NULL, `outcome` varchar(24) NULL, `resolution` text NULL, `satisfaction` int NULL, `feedback` text NULL, `escalationLevel` int NOT NULL DEFAULT '0', UNIQUE INDEX `IDX_2c2433ce5524fa1fb6e8bb8823` (`ticketNo`), INDEX `IDX_e28da46c9dd51c8d5eb7c095cc` (`memberId`), INDEX `IDX_270c9d4258b606a3d49ffc6ca8` (`assigneeId`), INDEX `IDX_6ed989f87a810077849a76111a` (`dealershipId`, `createdAt`), INDEX `IDX_054dba1968a512a6dc3df22958` (`status`, `resolveDueAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `complaint_event` (`id` varchar(26) NOT NULL, `createdAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), `updatedAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), `complaintId` varchar(26) NOT NULL, `type` varchar(12) NOT NULL, `note` text NULL, `actorType` varchar(12) NOT NULL, `actorId` varchar(26) NULL, `actorName` varchar(100) NULL, `fromStatus` varchar(12) NULL, `toStatus` varchar(12) NULL, INDEX `IDX_cbcbf600ba05648fbac17e4106` (`complaintId`, `createdAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `follow_up` (`id` varchar(26) NOT NULL, `createdAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), `updatedAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), `kind` varchar(16) NOT NULL, `status` varchar(12) NOT NULL, `memberId` varchar(26) NOT NULL, `dealershipId` varchar(26) NULL, `transactionId` varchar(26) NULL, `complaintId` varchar(26) NULL, `activityId` varchar(26) NULL, `sourceKey` varchar(120) NOT NULL, `dueAt` datetime(3) NOT NULL, `attempts` int NOT NULL DEFAULT '0', `assigneeId` varchar(26) NULL, `outcome` varchar(200) NULL, `satisfaction` int NULL, `notes` text NULL, `completedAt` datetime(3) NULL, INDEX `IDX_8ae977bf082b203b5a970b73ee` (`dealershipId`), UNIQUE INDEX `IDX_5f03e9143ad7c3d36f55aedefa` (`sourceKey`), INDEX `IDX_d9a4745368b962c8bef4e2b861` (`assigneeId`), INDEX `IDX_0fbcf5f5ae7340bf7f3a082976` (`memberId`, `createdAt`), INDEX `IDX_943b423e28311dd1b2597a13a2` (`status`, `dueAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_943b423e28311dd1b2597a13a2` ON `follow_up`");
    await queryRunner.query("DROP INDEX `IDX_0fbcf5f5ae7340bf7f3a082976` ON `follow_up`");
    await queryRunner.query("DROP INDEX `IDX_d9a4745368b962c8bef4e2b861` ON `follow_up`");
    await queryRunner.query("DROP INDEX `IDX_5f03e9143ad7c3d36f55aedefa` ON `follow_up`");
    await queryRunner.query("DROP INDEX `IDX_8ae977bf082b203b5a970b73ee` ON `follow_up`");
    await queryRunner.query("DROP TABLE `follow_up`");
    await queryRunner.query("DROP INDEX `IDX_cbcbf600ba05648fbac17e4106` ON `complaint_event`");
    await queryRunner.query("DROP TABLE `complaint_event`");
    await queryRunner.query("DROP INDEX `IDX_054dba1968a512a6dc3df22958` ON `complaint`");
    await queryRunner.query("DROP INDEX `IDX_6ed989f87a810077849a76111a` ON `complaint`");
    await queryRunner.query("DROP INDEX `IDX_270c9d4258b606a3d49ffc6ca8` ON `complaint`");
    await queryRunner.query("DROP INDEX `IDX_e28da46c9dd51c8d5eb7c095cc` ON `complaint`");
    await queryRunner.query("DROP INDEX `IDX_2c2433ce5524fa1fb6e8bb8823` ON `complaint`");
    await queryRunner.query("DROP TABLE `complaint`");
  }
}
