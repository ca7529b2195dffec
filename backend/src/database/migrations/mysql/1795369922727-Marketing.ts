import { MigrationInterface, QueryRunner } from 'typeorm';

export class Marketing1795369922727 implements MigrationInterface {
  name = 'Marketing1795369922727';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `activity_participation` (`id` varchar(26) NOT NULL, `createdAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), `updatedAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), `activityId` varchar(26) NOT NULL, `memberId` varchar(26) NOT NULL, `status` varchar(12) NOT NULL, `registeredAt` datetime(3) NOT NULL, `checkedInAt` datetime(3) NULL, `rewardedPoints` int NULL, `rewardedAt` datetime(3) NULL, INDEX `IDX_7e4a79651b499e9295484cd5c2` (`memberId`), UNIQUE INDEX `IDX_d432ff8361183eff5cec77a7d3` (`activityId`, `memberId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `benefit_code` (`id` varchar(26) NOT NULL, `createdAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), `updatedAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), `codeHash` varchar(64) NOT NULL, `memberBenefitId` varchar(26) NOT NULL, `memberId` varchar(26) NOT NULL, `expiresAt` datetime(3) NOT NULL, `usedAt` datetime(3) NULL, UNIQUE INDEX `IDX_3f5b223dd60f1bc0756d5c8a16` (`codeHash`), INDEX `IDX_1896358e70eabb137bf4717780` (`memberBenefitId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `benefit` (`id` varchar(26) NOT NULL, `createdAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), `updatedAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), `code` varchar(40) NOT NULL, `name` varchar(100) NOT NULL, `description` text NULL, `type` varchar(20) NOT NULL, `period` varchar(8) NOT NULL, `quota` int NOT NULL, `value` bigint NULL, `tierIds` longtext NOT NULL, `quotaByTier` longtext NULL, `active` tinyint NOT NULL DEFAULT 1, UNIQUE INDEX `IDX_ee031c90e637cf8263409d9ab2` (`code`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `member_benefit` (`id` varchar(26) NOT NULL, `createdAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), `updatedAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), `memberId` varchar(26) NOT NULL, `benefitId` varchar(26) NOT NULL, `tierId` varchar(26) NOT NULL, `quota` int NOT NULL, `used` int NOT NULL DEFAULT '0', `periodStart` datetime(3) NOT NULL, `periodEnd` datetime(3) NOT NULL, `status` varchar(12) NOT NULL, INDEX `IDX_cfe1ea3b5a5aac7a054dacf109` (`benefitId`), INDEX `IDX_8ddbe92a0eee4d5e4a20d0708c` (`status`, `periodEnd`), UNIQUE INDEX `IDX_77c9afc8f861783095b97c9a63` (`memberId`, `benefitId`, `periodStart`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `benefit_redemption` (`id` varchar(26) NOT NULL, `createdAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), `updatedAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), `memberBenefitId` varchar(26) NOT NULL, `memberId` varchar(26) NOT NULL, `benefitId` varchar(26) NOT NULL, `dealershipId` varchar(26) NOT NULL, `operatorId` varchar(26) NULL, `note` varchar(500) NULL, `idempotencyKey` varchar(160) NOT NULL, `payloadHash` varchar(64) NOT NULL, INDEX `IDX_cfc367c58c15128dddd3e2d218` (`benefitId`), UNIQUE INDEX `IDX_4577c45475aa3911791b3a37ef` (`idempotencyKey`), INDEX `IDX_90a039f2f79aeed71812f72c56` (`dealershipId`, `createdAt`), INDEX `IDX_6e991fb6f3e422dde614292493` (`memberId`, `createdAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `referral` (`id` varchar(26) NOT NULL, `createdAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), `updatedAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), `referrerId` varchar(26) NOT NULL, `refereeId` varchar(26) NOT NULL, `status` varchar(12) NOT NULL, `rewardPoints` int NULL, `transactionId` varchar(26) NULL, `qualifiedAt` datetime(3) NULL, `rewardedAt` datetime(3) NULL, UNIQUE INDEX `IDX_91b466a38c1ba22e058a405bbc` (`refereeId`), INDEX `IDX_7585e8a09ef42942f1994caaed` (`referrerId`, `rewardedAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `activity` ADD `publishedAt` datetime(3) NULL");
    await queryRunner.query("ALTER TABLE `activity` ADD `settledAt` datetime(3) NULL");
    await queryRunner.query("ALTER TABLE `activity` ADD `cancelReason` text NULL");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `activity` DROP COLUMN `cancelReason`");
    await queryRunner.query("ALTER TABLE `activity` DROP COLUMN `settledAt`");
    await queryRunner.query("ALTER TABLE `activity` DROP COLUMN `publishedAt`");
    await queryRunner.query("DROP INDEX `IDX_7585e8a09ef42942f1994caaed` ON `referral`");
    await queryRunner.query("DROP INDEX `IDX_91b466a38c1ba22e058a405bbc` ON `referral`");
    await queryRunner.query("DROP TABLE `referral`");
    await queryRunner.query("DROP INDEX `IDX_6e991fb6f3e422dde614292493` ON `benefit_redemption`");
    await queryRunner.query("DROP INDEX `IDX_90a039f2f79aeed71812f72c56` ON `benefit_redemption`");
    await queryRunner.query("DROP INDEX `IDX_4577c45475aa3911791b3a37ef` ON `benefit_redemption`");
    await queryRunner.query("DROP INDEX `IDX_cfc367c58c15128dddd3e2d218` ON `benefit_redemption`");
    await queryRunner.query("DROP TABLE `benefit_redemption`");
    await queryRunner.query("DROP INDEX `IDX_77c9afc8f861783095b97c9a63` ON `member_benefit`");
    await queryRunner.query("DROP INDEX `IDX_8ddbe92a0eee4d5e4a20d0708c` ON `member_benefit`");
    await queryRunner.query("DROP INDEX `IDX_cfe1ea3b5a5aac7a054dacf109` ON `member_benefit`");
    await queryRunner.query("DROP TABLE `member_benefit`");
    await queryRunner.query("DROP INDEX `IDX_ee031c90e637cf8263409d9ab2` ON `benefit`");
    await queryRunner.query("DROP TABLE `benefit`");
    await queryRunner.query("DROP INDEX `IDX_1896358e70eabb137bf4717780` ON `benefit_code`");
    await queryRunner.query("DROP INDEX `IDX_3f5b223dd60f1bc0756d5c8a16` ON `benefit_code`");
    await queryRunner.query("DROP TABLE `benefit_code`");
    await queryRunner.query("DROP INDEX `IDX_d432ff8361183eff5cec77a7d3` ON `activity_participation`");
    await queryRunner.query("DROP INDEX `IDX_7e4a79651b499e9295484cd5c2` ON `activity_participation`");
    await queryRunner.query("DROP TABLE `activity_participation`");
  }
}
