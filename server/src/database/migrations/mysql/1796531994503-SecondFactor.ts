import { MigrationInterface, QueryRunner } from 'typeorm';

export class SecondFactor1796531994503 implements MigrationInterface {
  name = 'SecondFactor1796531994503';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Throttling counters are short-lived and change shape here (a window start becomes the last failure and a delay): start them afresh.
    await queryRunner.query(`DELETE FROM \`login_throttle\``);
    await queryRunner.query(
      `CREATE TABLE \`recovery_codes\` (\`id\` varchar(36) NOT NULL, \`userId\` varchar(36) NOT NULL, \`codeHash\` varchar(64) NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`usedAt\` datetime(3) NULL, INDEX \`ix_recovery_codes_user\` (\`userId\`), UNIQUE INDEX \`uq_recovery_codes_hash\` (\`codeHash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`second_factors\` (\`id\` varchar(36) NOT NULL, \`userId\` varchar(36) NOT NULL, \`kind\` varchar(16) NOT NULL, \`label\` varchar(100) NOT NULL, \`secret\` varchar(64) NOT NULL, \`lastUsedStep\` int NULL, \`createdAt\` datetime(3) NOT NULL, \`confirmedAt\` datetime(3) NULL, \`lastUsedAt\` datetime(3) NULL, INDEX \`ix_second_factors_user\` (\`userId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`platform_settings\` (\`key\` varchar(64) NOT NULL, \`value\` varchar(2000) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`updatedBy\` varchar(36) NOT NULL, PRIMARY KEY (\`key\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(`ALTER TABLE \`login_throttle\` DROP COLUMN \`windowStartedAt\``);
    await queryRunner.query(`ALTER TABLE \`login_throttle\` ADD \`lastFailureAt\` datetime(3) NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`login_throttle\` ADD \`blockedUntil\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`sessions\` ADD \`verifiedAt\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`jits\` ADD \`secondFactorRequired\` tinyint NOT NULL DEFAULT 0`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`jits\` DROP COLUMN \`secondFactorRequired\``);
    await queryRunner.query(`ALTER TABLE \`sessions\` DROP COLUMN \`verifiedAt\``);
    await queryRunner.query(`ALTER TABLE \`login_throttle\` DROP COLUMN \`blockedUntil\``);
    await queryRunner.query(`ALTER TABLE \`login_throttle\` DROP COLUMN \`lastFailureAt\``);
    await queryRunner.query(`ALTER TABLE \`login_throttle\` ADD \`windowStartedAt\` datetime(3) NOT NULL`);
    await queryRunner.query(`DROP TABLE \`platform_settings\``);
    await queryRunner.query(`DROP INDEX \`ix_second_factors_user\` ON \`second_factors\``);
    await queryRunner.query(`DROP TABLE \`second_factors\``);
    await queryRunner.query(`DROP INDEX \`uq_recovery_codes_hash\` ON \`recovery_codes\``);
    await queryRunner.query(`DROP INDEX \`ix_recovery_codes_user\` ON \`recovery_codes\``);
    await queryRunner.query(`DROP TABLE \`recovery_codes\``);
  }
}
