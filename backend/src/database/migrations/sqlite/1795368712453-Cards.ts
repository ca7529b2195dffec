import { MigrationInterface, QueryRunner } from 'typeorm';

export class Cards1795368712453 implements MigrationInterface {
  name = 'Cards1795368712453';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"card\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"updatedAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"cardNo\" varchar(20) NOT NULL, \"type\" varchar(16) NOT NULL, \"status\" varchar(12) NOT NULL, \"memberId\" varchar(26) NOT NULL, \"dealershipId\" varchar(26) NOT NULL, \"balance\" bigint NOT NULL DEFAULT (0), \"principalBalance\" bigint NOT NULL DEFAULT (0), \"bonusBalance\" bigint NOT NULL DEFAULT (0), \"remainingUses\" integer, \"serviceName\" varchar(100), \"expiresAt\" datetime(3), \"replacedById\" varchar(26), \"replacesId\" varchar(26), \"statusReason\" varchar(500), \"idempotencyKey\" varchar(160), \"payloadHash\" varchar(64))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_75983f003e030318d2dc6c9344\" ON \"card\" (\"cardNo\") ");
    await queryRunner.query("CREATE INDEX \"IDX_6ce09577d70c6be7f6d5f719b3\" ON \"card\" (\"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_43b5341d2561924aa5e3d10d88\" ON \"card\" (\"memberId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_9892a5041a79b63adbf4040140\" ON \"card\" (\"expiresAt\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_b8c905a613cd467888ff2fe6dd\" ON \"card\" (\"idempotencyKey\") ");
    await queryRunner.query("CREATE INDEX \"IDX_923a315953dca64e377195f200\" ON \"card\" (\"dealershipId\", \"createdAt\") ");
    await queryRunner.query("CREATE TABLE \"card_entry\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"updatedAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"cardId\" varchar(26) NOT NULL, \"memberId\" varchar(26) NOT NULL, \"cardType\" varchar(16) NOT NULL, \"issuingDealershipId\" varchar(26) NOT NULL, \"type\" varchar(16) NOT NULL, \"amount\" bigint NOT NULL DEFAULT (0), \"principalAmount\" bigint NOT NULL DEFAULT (0), \"bonusAmount\" bigint NOT NULL DEFAULT (0), \"uses\" integer, \"balanceAfter\" bigint NOT NULL DEFAULT (0), \"principalBalanceAfter\" bigint NOT NULL DEFAULT (0), \"bonusBalanceAfter\" bigint NOT NULL DEFAULT (0), \"remainingUsesAfter\" integer, \"dealershipId\" varchar(26), \"operatorId\" varchar(26), \"paymentMethod\" varchar(16), \"transactionId\" varchar(26), \"note\" varchar(500), \"idempotencyKey\" varchar(160), \"payloadHash\" varchar(64))");
    await queryRunner.query("CREATE INDEX \"IDX_40729a11cc216d0acc04d4179a\" ON \"card_entry\" (\"memberId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_3544bafb7142061d53b9374f3f\" ON \"card_entry\" (\"idempotencyKey\") ");
    await queryRunner.query("CREATE INDEX \"IDX_c366202e84582ac7c72e87f63a\" ON \"card_entry\" (\"dealershipId\", \"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_a673b6dcca6861deac61cbe239\" ON \"card_entry\" (\"cardType\", \"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_5399f2b2fc2e10f66df0a5e9df\" ON \"card_entry\" (\"cardId\", \"createdAt\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_5399f2b2fc2e10f66df0a5e9df\"");
    await queryRunner.query("DROP INDEX \"IDX_a673b6dcca6861deac61cbe239\"");
    await queryRunner.query("DROP INDEX \"IDX_c366202e84582ac7c72e87f63a\"");
    await queryRunner.query("DROP INDEX \"IDX_3544bafb7142061d53b9374f3f\"");
    await queryRunner.query("DROP INDEX \"IDX_40729a11cc216d0acc04d4179a\"");
    await queryRunner.query("DROP TABLE \"card_entry\"");
    await queryRunner.query("DROP INDEX \"IDX_923a315953dca64e377195f200\"");
    await queryRunner.query("DROP INDEX \"IDX_b8c905a613cd467888ff2fe6dd\"");
    await queryRunner.query("DROP INDEX \"IDX_9892a5041a79b63adbf4040140\"");
    await queryRunner.query("DROP INDEX \"IDX_43b5341d2561924aa5e3d10d88\"");
    await queryRunner.query("DROP INDEX \"IDX_6ce09577d70c6be7f6d5f719b3\"");
    await queryRunner.query("DROP INDEX \"IDX_75983f003e030318d2dc6c9344\"");
    await queryRunner.query("DROP TABLE \"card\"");
  }
}
