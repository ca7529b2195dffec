import { MigrationInterface, QueryRunner } from 'typeorm';

export class Marketing1795369922727 implements MigrationInterface {
  name = 'Marketing1795369922727';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"activity_participation\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"updatedAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"activityId\" varchar(26) NOT NULL, \"memberId\" varchar(26) NOT NULL, \"status\" varchar(12) NOT NULL, \"registeredAt\" datetime(3) NOT NULL, \"checkedInAt\" datetime(3), \"rewardedPoints\" integer, \"rewardedAt\" datetime(3))");
    await queryRunner.query("CREATE INDEX \"IDX_7e4a79651b499e9295484cd5c2\" ON \"activity_participation\" (\"memberId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_d432ff8361183eff5cec77a7d3\" ON \"activity_participation\" (\"activityId\", \"memberId\") ");
    await queryRunner.query("CREATE TABLE \"benefit_code\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"updatedAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"codeHash\" varchar(64) NOT NULL, \"memberBenefitId\" varchar(26) NOT NULL, \"memberId\" varchar(26) NOT NULL, \"expiresAt\" datetime(3) NOT NULL, \"usedAt\" datetime(3))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_3f5b223dd60f1bc0756d5c8a16\" ON \"benefit_code\" (\"codeHash\") ");
    await queryRunner.query("CREATE INDEX \"IDX_1896358e70eabb137bf4717780\" ON \"benefit_code\" (\"memberBenefitId\") ");
    await queryRunner.query("CREATE TABLE \"benefit\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"updatedAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"code\" varchar(40) NOT NULL, \"name\" varchar(100) NOT NULL, \"description\" text, \"type\" varchar(20) NOT NULL, \"period\" varchar(8) NOT NULL, \"quota\" integer NOT NULL, \"value\" bigint, \"tierIds\" text NOT NULL, \"quotaByTier\" text, \"active\" boolean NOT NULL DEFAULT (1))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_ee031c90e637cf8263409d9ab2\" ON \"benefit\" (\"code\") ");
    await queryRunner.query("CREATE TABLE \"member_benefit\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"updatedAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"memberId\" varchar(26) NOT NULL, \"benefitId\" varchar(26) NOT NULL, \"tierId\" varchar(26) NOT NULL, \"quota\" integer NOT NULL, \"used\" integer NOT NULL DEFAULT (0), \"periodStart\" datetime(3) NOT NULL, \"periodEnd\" datetime(3) NOT NULL, \"status\" varchar(12) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_cfe1ea3b5a5aac7a054dacf109\" ON \"member_benefit\" (\"benefitId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_8ddbe92a0eee4d5e4a20d0708c\" ON \"member_benefit\" (\"status\", \"periodEnd\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_77c9afc8f861783095b97c9a63\" ON \"member_benefit\" (\"memberId\", \"benefitId\", \"periodStart\") ");
    await queryRunner.query("CREATE TABLE \"benefit_redemption\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"updatedAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"memberBenefitId\" varchar(26) NOT NULL, \"memberId\" varchar(26) NOT NULL, \"benefitId\" varchar(26) NOT NULL, \"dealershipId\" varchar(26) NOT NULL, \"operatorId\" varchar(26), \"note\" varchar(500), \"idempotencyKey\" varchar(160) NOT NULL, \"payloadHash\" varchar(64) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_cfc367c58c15128dddd3e2d218\" ON \"benefit_redemption\" (\"benefitId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_4577c45475aa3911791b3a37ef\" ON \"benefit_redemption\" (\"idempotencyKey\") ");
    await queryRunner.query("CREATE INDEX \"IDX_90a039f2f79aeed71812f72c56\" ON \"benefit_redemption\" (\"dealershipId\", \"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_6e991fb6f3e422dde614292493\" ON \"benefit_redemption\" (\"memberId\", \"createdAt\") ");
    await queryRunner.query("CREATE TABLE \"referral\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"updatedAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"referrerId\" varchar(26) NOT NULL, \"refereeId\" varchar(26) NOT NULL, \"status\" varchar(12) NOT NULL, \"rewardPoints\" integer, \"transactionId\" varchar(26), \"qualifiedAt\" datetime(3), \"rewardedAt\" datetime(3))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_91b466a38c1ba22e058a405bbc\" ON \"referral\" (\"refereeId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_7585e8a09ef42942f1994caaed\" ON \"referral\" (\"referrerId\", \"rewardedAt\") ");
    await queryRunner.query("DROP INDEX \"IDX_fd35aeb3d5d1b71d41907e6149\"");
    await queryRunner.query("CREATE TABLE \"temporary_activity\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"updatedAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"name\" varchar(100) NOT NULL, \"description\" text, \"type\" varchar(20) NOT NULL, \"status\" varchar(12) NOT NULL, \"announceAt\" datetime(3), \"startsAt\" datetime(3) NOT NULL, \"endsAt\" datetime(3) NOT NULL, \"eligibleTierIds\" text NOT NULL, \"dealershipIds\" text NOT NULL, \"transactionTypes\" text NOT NULL, \"minAmount\" bigint, \"multiplier\" decimal(10,4), \"bonusPoints\" integer, \"rewardPoints\" integer, \"capacity\" integer, \"budgetPoints\" integer, \"fixedCost\" bigint, \"pointsIssued\" integer NOT NULL DEFAULT (0), \"publishedAt\" datetime(3), \"settledAt\" datetime(3), \"cancelReason\" text)");
    await queryRunner.query("INSERT INTO \"temporary_activity\"(\"id\", \"createdAt\", \"updatedAt\", \"name\", \"description\", \"type\", \"status\", \"announceAt\", \"startsAt\", \"endsAt\", \"eligibleTierIds\", \"dealershipIds\", \"transactionTypes\", \"minAmount\", \"multiplier\", \"bonusPoints\", \"rewardPoints\", \"capacity\", \"budgetPoints\", \"fixedCost\", \"pointsIssued\") SELECT \"id\", \"createdAt\", \"updatedAt\", \"name\", \"description\", \"type\", \"status\", \"announceAt\", \"startsAt\", \"endsAt\", \"eligibleTierIds\", \"dealershipIds\", \"transactionTypes\", \"minAmount\", \"multiplier\", \"bonusPoints\", \"rewardPoints\", \"capacity\", \"budgetPoints\", \"fixedCost\", \"pointsIssued\" FROM \"activity\"");
    await queryRunner.query("DROP TABLE \"activity\"");
    await queryRunner.query("ALTER TABLE \"temporary_activity\" RENAME TO \"activity\"");
    await queryRunner.query("CREATE INDEX \"IDX_fd35aeb3d5d1b71d41907e6149\" ON \"activity\" (\"status\", \"startsAt\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_fd35aeb3d5d1b71d41907e6149\"");
    await queryRunner.query("ALTER TABLE \"activity\" RENAME TO \"temporary_activity\"");
    await queryRunner.query("CREATE TABLE \"activity\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"updatedAt\" datetime(3) NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), \"name\" varchar(100) NOT NULL, \"description\" text, \"type\" varchar(20) NOT NULL, \"status\" varchar(12) NOT NULL, \"announceAt\" datetime(3), \"startsAt\" datetime(3) NOT NULL, \"endsAt\" datetime(3) NOT NULL, \"eligibleTierIds\" text NOT NULL, \"dealershipIds\" text NOT NULL, \"transactionTypes\" text NOT NULL, \"minAmount\" bigint, \"multiplier\" decimal(10,4), \"bonusPoints\" integer, \"rewardPoints\" integer, \"capacity\" integer, \"budgetPoints\" integer, \"fixedCost\" bigint, \"pointsIssued\" integer NOT NULL DEFAULT (0))");
    await queryRunner.query("INSERT INTO \"activity\"(\"id\", \"createdAt\", \"updatedAt\", \"name\", \"description\", \"type\", \"status\", \"announceAt\", \"startsAt\", \"endsAt\", \"eligibleTierIds\", \"dealershipIds\", \"transactionTypes\", \"minAmount\", \"multiplier\", \"bonusPoints\", \"rewardPoints\", \"capacity\", \"budgetPoints\", \"fixedCost\", \"pointsIssued\") SELECT \"id\", \"createdAt\", \"updatedAt\", \"name\", \"description\", \"type\", \"status\", \"announceAt\", \"startsAt\", \"endsAt\", \"eligibleTierIds\", \"dealershipIds\", \"transactionTypes\", \"minAmount\", \"multiplier\", \"bonusPoints\", \"rewardPoints\", \"capacity\", \"budgetPoints\", \"fixedCost\", \"pointsIssued\" FROM \"temporary_activity\"");
    await queryRunner.query("DROP TABLE \"temporary_activity\"");
    await queryRunner.query("CREATE INDEX \"IDX_fd35aeb3d5d1b71d41907e6149\" ON \"activity\" (\"status\", \"startsAt\") ");
    await queryRunner.query("DROP INDEX \"IDX_7585e8a09ef42942f1994caaed\"");
    await queryRunner.query("DROP INDEX \"IDX_91b466a38c1ba22e058a405bbc\"");
    await queryRunner.query("DROP TABLE \"referral\"");
    await queryRunner.query("DROP INDEX \"IDX_6e991fb6f3e422dde614292493\"");
    await queryRunner.query("DROP INDEX \"IDX_90a039f2f79aeed71812f72c56\"");
    await queryRunner.query("DROP INDEX \"IDX_4577c45475aa3911791b3a37ef\"");
    await queryRunner.query("DROP INDEX \"IDX_cfc367c58c15128dddd3e2d218\"");
    await queryRunner.query("DROP TABLE \"benefit_redemption\"");
    await queryRunner.query("DROP INDEX \"IDX_77c9afc8f861783095b97c9a63\"");
    await queryRunner.query("DROP INDEX \"IDX_8ddbe92a0eee4d5e4a20d0708c\"");
    await queryRunner.query("DROP INDEX \"IDX_cfe1ea3b5a5aac7a054dacf109\"");
    await queryRunner.query("DROP TABLE \"member_benefit\"");
    await queryRunner.query("DROP INDEX \"IDX_ee031c90e637cf8263409d9ab2\"");
    await queryRunner.query("DROP TABLE \"benefit\"");
    await queryRunner.query("DROP INDEX \"IDX_1896358e70eabb137bf4717780\"");
    await queryRunner.query("DROP INDEX \"IDX_3f5b223dd60f1bc0756d5c8a16\"");
    await queryRunner.query("DROP TABLE \"benefit_code\"");
    await queryRunner.query("DROP INDEX \"IDX_d432ff8361183eff5cec77a7d3\"");
    await queryRunner.query("DROP INDEX \"IDX_7e4a79651b499e9295484cd5c2\"");
    await queryRunner.query("DROP TABLE \"activity_participation\"");
  }
}
