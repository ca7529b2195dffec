import { MigrationInterface, QueryRunner } from 'typeorm';

export class Cards1795368712453 implements MigrationInterface {
  name = 'Cards1795368712453';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `card` (`id` varchar(26) NOT NULL, `createdAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), `updatedAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), `cardNo` varchar(20) NOT NULL, `type` varchar(16) NOT NULL, `status` varchar(12) NOT NULL, `memberId` varchar(26) NOT NULL, `dealershipId` varchar(26) NOT NULL, `balance` bigint NOT NULL DEFAULT '0', `principalBalance` bigint NOT NULL DEFAULT '0', `bonusBalance` bigint NOT NULL DEFAULT '0', `remainingUses` int NULL, `serviceName` varchar(100) NULL, `expiresAt` datetime(3) NULL, `replacedById` varchar(26) NULL, `replacesId` varchar(26) NULL, `statusReason` varchar(500) NULL, `idempotencyKey` varchar(160) NULL, `payloadHash` varchar(64) NULL, UNIQUE INDEX `IDX_75983f003e030318d2dc6c9344` (`cardNo`), INDEX `IDX_6ce09577d70c6be7f6d5f719b3` (`status`), INDEX `IDX_43b5341d2561924aa5e3d10d88` (`memberId`), INDEX `IDX_9892a5041a79b63adbf4040140` (`expiresAt`), UNIQUE INDEX `IDX_b8c905a613cd467888ff2fe6dd` (`idempotencyKey`), INDEX `IDX_923a315953dca64e377195f200` (`dealershipId`, `createdAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `card_entry` (`id` varchar(26) NOT NULL, `createdAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), `updatedAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), `cardId` varchar(26) NOT NULL, `memberId` varchar(26) NOT NULL, `cardType` varchar(16) NOT NULL, `issuingDealershipId` varchar(26) NOT NULL, `type` varchar(16) NOT NULL, `amount` bigint NOT NULL DEFAULT '0', `principalAmount` bigint NOT NULL DEFAULT '0', `bonusAmount` bigint NOT NULL DEFAULT '0', `uses` int NULL, `balanceAfter` bigint NOT NULL DEFAULT '0', `principalBalanceAfter` bigint NOT NULL DEFAULT '0', `bonusBalanceAfter` bigint NOT NULL DEFAULT '0', `remainingUsesAfter` int NULL, `dealershipId` varchar(26) NULL, `operatorId` varchar(26) NULL, `paymentMethod` varchar(16) NULL, `transactionId` varchar(26) NULL, `note` varchar(500) NULL, `idempotencyKey` varchar(160) NULL, `payloadHash` varchar(64) NULL, INDEX `IDX_40729a11cc216d0acc04d4179a` (`memberId`), UNIQUE INDEX `IDX_3544bafb7142061d53b9374f3f` (`idempotencyKey`), INDEX `IDX_c366202e84582ac7c72e87f63a` (`dealershipId`, `createdAt`), INDEX `IDX_a673b6dcca6861deac61cbe239` (`cardType`, `createdAt`), INDEX `IDX_5399f2b2fc2e10f66df0a5e9df` (`cardId`, `createdAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_5399f2b2fc2e10f66df0a5e9df` ON `card_entry`");
    await queryRunner.query("DROP INDEX `IDX_a673b6dcca6861deac61cbe239` ON `card_entry`");
    await queryRunner.query("DROP INDEX `IDX_c366202e84582ac7c72e87f63a` ON `card_entry`");
    await queryRunner.query("DROP INDEX `IDX_3544bafb7142061d53b9374f3f` ON `card_entry`");
    await queryRunner.query("DROP INDEX `IDX_40729a11cc216d0acc04d4179a` ON `card_entry`");
    await queryRunner.query("DROP TABLE `card_entry`");
    await queryRunner.query("DROP INDEX `IDX_923a315953dca64e377195f200` ON `card`");
    await queryRunner.query("DROP INDEX `IDX_b8c905a613cd467888ff2fe6dd` ON `card`");
    await queryRunner.query("DROP INDEX `IDX_9892a5041a79b63adbf4040140` ON `card`");
    await queryRunner.query("DROP INDEX `IDX_43b5341d2561924aa5e3d10d88` ON `card`");
    await queryRunner.query("DROP INDEX `IDX_6ce09577d70c6be7f6d5f719b3` ON `card`");
    await queryRunner.query("DROP INDEX `IDX_75983f003e030318d2dc6c9344` ON `card`");
    await queryRunner.query("DROP TABLE `card`");
  }
}
