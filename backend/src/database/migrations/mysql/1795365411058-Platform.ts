import { MigrationInterface, QueryRunner } from 'typeorm';

export class Platform1795365411058 implements MigrationInterface {
  name = 'Platform1795365411058';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `audit_log` (`id` varchar(26) NOT NULL, `createdAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), `updatedAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), `actorType` varchar(20) NOT NULL, `actorId` varchar(26) NULL, `actorName` varchar(100) NULL, `action` varchar(64) NOT NULL, `entityType` varchar(64) NOT NULL, `entityId` varchar(26) NULL, `before` longtext NULL, `after` longtext NULL, INDEX `IDX_cb6aa6f6fd56f08eafb6031622` (`actorId`), INDEX `IDX_951e6339a77994dfbad976b35c` (`action`), INDEX `IDX_7253c576c9bcaf94fe064341dd` (`entityType`, `entityId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `api_client` (`id` varchar(26) NOT NULL, `createdAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), `updatedAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), `name` varchar(100) NOT NULL, `keyHash` varchar(64) NOT NULL, `keyPrefix` varchar(16) NOT NULL, `scopes` longtext NOT NULL, `active` tinyint NOT NULL DEFAULT 1, `lastUsedAt` datetime(3) NULL, `revokedAt` datetime(3) NULL, UNIQUE INDEX `IDX_e2f621c8346f40b5c77aa66760` (`keyHash`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `dealership` (`id` varchar(26) NOT NULL, `createdAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), `updatedAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), `code` varchar(32) NOT NULL, `name` varchar(100) NOT NULL, `brand` varchar(50) NULL, `city` varchar(50) NULL, `address` varchar(200) NULL, `phone` varchar(30) NULL, `active` tinyint NOT NULL DEFAULT 1, UNIQUE INDEX `IDX_0025016c7e7f2df6a94c75d4d0` (`code`), INDEX `IDX_6647169e6060240e5f1568b775` (`city`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `job_lock` (`job` varchar(40) NOT NULL, `holder` varchar(120) NULL, `leaseUntil` datetime(3) NULL, `lastWindow` varchar(40) NULL, `runId` varchar(26) NULL, PRIMARY KEY (`job`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `job_run` (`id` varchar(26) NOT NULL, `createdAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), `updatedAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), `job` varchar(40) NOT NULL, `status` varchar(20) NOT NULL, `asOf` datetime(3) NOT NULL, `startedAt` datetime(3) NOT NULL, `finishedAt` datetime(3) NULL, `processed` int NOT NULL DEFAULT '0', `affected` int NOT NULL DEFAULT '0', `error` text NULL, `instance` varchar(120) NULL, `trigger` varchar(20) NOT NULL DEFAULT 'SCHEDULE', INDEX `IDX_5a0fdad15aa6d7c0c941ce5873` (`job`, `startedAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `notification` (`id` varchar(26) NOT NULL, `createdAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), `updatedAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), `memberId` varchar(26) NULL, `channel` varchar(20) NOT NULL, `template` varchar(40) NOT NULL, `recipient` varchar(200) NOT NULL, `status` varchar(20) NOT NULL, `dedupeKey` varchar(191) NOT NULL, `body` text NOT NULL, `data` longtext NULL, `scheduledAt` datetime(3) NOT NULL, `nextAttemptAt` datetime(3) NOT NULL, `sentAt` datetime(3) NULL, `attempts` int NOT NULL DEFAULT '0', `error` text NULL, `claimedBy` varchar(120) NULL, `claimedUntil` datetime(3) NULL, INDEX `IDX_adeb547544a66c2b1293643190` (`memberId`), UNIQUE INDEX `IDX_0e0a4efa44850566408fa4a1fa` (`dedupeKey`), INDEX `IDX_7fd1e90e10d42692b18f5f7592` (`status`, `nextAttemptAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `seed_state` (`name` varchar(100) NOT NULL, `appliedAt` datetime(3) NOT NULL, `note` text NULL, PRIMARY KEY (`name`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `staff_user` (`id` varchar(26) NOT NULL, `createdAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), `updatedAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), `username` varchar(64) NOT NULL, `name` varchar(100) NOT NULL, `passwordHash` varchar(100) NOT NULL, `role` varchar(20) NOT NULL, `dealershipId` varchar(26) NULL, `active` tinyint NOT NULL DEFAULT 1, UNIQUE INDEX `IDX_5b021acaebf628d940d8ad2476` (`username`), INDEX `IDX_03a9fd2cd1616e1a7aa5b05889` (`dealershipId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_03a9fd2cd1616e1a7aa5b05889` ON `staff_user`");
    await queryRunner.query("DROP INDEX `IDX_5b021acaebf628d940d8ad2476` ON `staff_user`");
    await queryRunner.query("DROP TABLE `staff_user`");
    await queryRunner.query("DROP TABLE `seed_state`");
    await queryRunner.query("DROP INDEX `IDX_7fd1e90e10d42692b18f5f7592` ON `notification`");
    await queryRunner.query("DROP INDEX `IDX_0e0a4efa44850566408fa4a1fa` ON `notification`");
    await queryRunner.query("DROP INDEX `IDX_adeb547544a66c2b1293643190` ON `notification`");
    await queryRunner.query("DROP TABLE `notification`");
    await queryRunner.query("DROP INDEX `IDX_5a0fdad15aa6d7c0c941ce5873` ON `job_run`");
    await queryRunner.query("DROP TABLE `job_run`");
    await queryRunner.query("DROP TABLE `job_lock`");
    await queryRunner.query("DROP INDEX `IDX_6647169e6060240e5f1568b775` ON `dealership`");
    await queryRunner.query("DROP INDEX `IDX_0025016c7e7f2df6a94c75d4d0` ON `dealership`");
    await queryRunner.query("DROP TABLE `dealership`");
    await queryRunner.query("DROP INDEX `IDX_e2f621c8346f40b5c77aa66760` ON `api_client`");
    await queryRunner.query("DROP TABLE `api_client`");
    await queryRunner.query("DROP INDEX `IDX_7253c576c9bcaf94fe064341dd` ON `audit_log`");
    await queryRunner.query("DROP INDEX `IDX_951e6339a77994dfbad976b35c` ON `audit_log`");
    await queryRunner.query("DROP INDEX `IDX_cb6aa6f6fd56f08eafb6031622` ON `audit_log`");
    await queryRunner.query("DROP TABLE `audit_log`");
  }
}
